package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.reply.ProgressMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A message edited in place; a new message per update when the first could not be sent. */
final class DiscordProgressMessage implements ProgressMessage {
    private static final Logger log = LoggerFactory.getLogger(DiscordProgressMessage.class);

    private final FollowUps followUps;
    private final String messageId;
    private final String where;
    private String last = "";

    DiscordProgressMessage(FollowUps followUps, String messageId, String where) {
        this.followUps = followUps;
        this.messageId = messageId;
        this.where = where;
    }

    @Override
    public synchronized void update(String text) {
        String content = DiscordReplies.plain(text).getContent();
        if (content.isBlank() || content.equals(last)) {
            return;
        }
        try {
            if (messageId == null) {
                followUps.send(DiscordReplies.plain(text));
            } else {
                followUps.edit(messageId, content);
            }
            last = content;
        } catch (RuntimeException e) {
            log.warn("Discord: could not update a progress message in {}: {}", where, e.toString());
        }
    }
}
