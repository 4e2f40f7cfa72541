package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers one interaction through its follow-ups; logs delivery failures instead of throwing. */
final class DiscordResponder implements Responder {
    private static final Logger log = LoggerFactory.getLogger(DiscordResponder.class);

    private final FollowUps followUps;
    private final String where;
    private boolean sentAnything;
    private boolean completed;
    private volatile Language language = Language.EN;

    public DiscordResponder(FollowUps followUps, String where) {
        this.followUps = followUps;
        this.where = where;
    }

    @Override
    public synchronized void send(Reply reply) {
        try {
            for (MessageCreateData message : DiscordReplies.render(reply, language)) {
                followUps.send(message);
                sentAnything = true;
            }
        } catch (RuntimeException e) {
            log.warn("Discord: could not deliver a {} reply in {}: {}", reply.getClass().getSimpleName(), where, e.toString());
            if (reply instanceof Reply.Image || reply instanceof Reply.Album) {
                tellUser(DiscordReplies.ERROR_PREFIX + DiscordReplies.MESSAGES.format(language, "images_refused", reason(e)));
            }
        }
    }

    /** A short note instead of silence (or a misleading "Done."); a failure here is only logged. */
    private void tellUser(String text) {
        try {
            followUps.send(DiscordReplies.plain(text));
            sentAnything = true;
        } catch (RuntimeException again) {
            log.debug("Discord: could not report the failure in {} either: {}", where, again.toString());
        }
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ErrorResponseException r) {
            return r.getMeaning();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void useLanguage(Language chosen) {
        this.language = chosen;
    }

    @Override
    public synchronized ProgressMessage progress(String initialText) {
        String id = null;
        try {
            id = followUps.send(DiscordReplies.plain(initialText));
            sentAnything = true;
        } catch (RuntimeException e) {
            log.warn("Discord: could not send a progress message in {}: {}", where, e.toString());
        }
        return new DiscordProgressMessage(followUps, id, where);
    }

    /** Each interaction shows "thinking…" until answered, so a refusal cannot be left out as a repeat. */
    @Override
    public boolean answerRequired() {
        return true;
    }

    /** Leaves no "thinking…" placeholder behind when a command ended without a word. */
    @Override
    public synchronized void completed() {
        if (completed) {
            return;
        }
        completed = true;
        if (!sentAnything) {
            try {
                followUps.finishWithoutReply(DiscordReplies.MESSAGES.format(language, "done"));
            } catch (RuntimeException e) {
                log.debug("Discord: could not finish the interaction in {}: {}", where, e.toString());
            }
        }
    }
}
