package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.adapter.InboundSink;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Acknowledges every command interaction at once (Discord allows three seconds) with deferReply, then hands
 * the command to the core, whose answers arrive later as follow-ups. The hand-over runs on the given executor,
 * never on JDA's gateway thread; the core sends its refusals off that executor too, so a slow follow-up to one
 * member cannot hold up the next command.
 */
public final class InteractionListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(InteractionListener.class);

    private final InboundSink sink;
    private final InteractionMapper mapper;
    private final Executor dispatcher;

    public InteractionListener(InboundSink sink, InteractionMapper mapper, Executor dispatcher) {
        this.sink = sink;
        this.mapper = mapper;
        this.dispatcher = dispatcher;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        defer(event);
        try {
            dispatch(event, mapper.slash(event.getInteraction()));
        } catch (RuntimeException e) {
            log.warn("Discord: could not handle /{}: {}", event.getName(), e.toString());
        }
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        Optional<InboundCommand> command;
        try {
            command = mapper.contextMenu(event.getInteraction());
        } catch (RuntimeException e) {
            log.warn("Discord: could not read the '{}' context command: {}", event.getName(), e.toString());
            return;
        }
        if (command.isEmpty()) {
            // no origin was read: the user's client language is all there is
            Language language = Language.fromTag(event.getUserLocale().getLocale()).orElse(Language.EN);
            event.reply(DiscordReplies.MESSAGES.format(language, "unknown_command")).setEphemeral(true).queue(null, f -> { });
            return;
        }
        defer(event);
        dispatch(event, command.get());
    }

    private static void defer(IReplyCallback event) {
        event.deferReply().queue(null, failure -> log.warn("Discord: could not acknowledge an interaction: {}", failure.toString()));
    }

    private void dispatch(IReplyCallback event, InboundCommand c) {
        DiscordResponder responder = new DiscordResponder(new HookFollowUps(event.getHook()), "channel " + c.origin().chatId());
        try {
            dispatcher.execute(() -> {
                try {
                    sink.onCommand(c.origin(), c.command(), c.options(), c.attachments(), c.repliedTo(), responder);
                } catch (RuntimeException e) {
                    log.warn("Discord: the core refused /{}: {}", c.command(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Discord: /{} arrived while shutting down", c.command());
        }
    }
}
