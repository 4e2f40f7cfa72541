package dev.acgbot.api.adapter;

import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.inline.InlineAnswer;
import dev.acgbot.api.inline.InlineQuery;
import dev.acgbot.api.inline.InlineResponder;
import dev.acgbot.api.reply.Responder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core's entry point for adapters. Both methods return at once: parsing happens on the caller's
 * thread, the command runs on the core's bounded pool, and answers go to the given responder.
 */
public interface InboundSink {

    /**
     * A text message that may hold a command ({@code /cmd args} or {@code /cmd@BotName args}).
     *
     * @param botUsername this bot's user name on the platform, to ignore commands addressed to another bot;
     *                    null when the platform has no such addressing
     * @return true when the message was taken as a command for this bot
     */
    boolean onText(MessageOrigin origin, String text, String botUsername, List<Attachment> attachments,
                   Optional<RepliedMessage> repliedTo, Responder responder);

    /** A command the platform already parsed into named options (Discord slash and context-menu commands). */
    void onCommand(MessageOrigin origin, String command, Map<String, Object> options, List<Attachment> attachments,
                   Optional<RepliedMessage> repliedTo, Responder responder);

    /**
     * An inline query ({@code @bot 樱花} typed in any chat). Returns at once; the answer (perhaps empty: no
     * plugin answers inline queries, the user is over the rate limit, the bot is busy) goes to the responder.
     */
    default void onInlineQuery(InlineQuery query, InlineResponder responder) {
        responder.answer(InlineAnswer.empty(Optional.empty()));
    }
}
