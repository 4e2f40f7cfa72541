package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.RepliedMessage;

import java.util.List;
import java.util.Optional;

/**
 * A Telegram message as the core sees it, plus where answers go.
 *
 * @param messageId the message to reply to
 * @param threadId  the forum topic it was posted in, or null
 */
public record InboundMessage(MessageOrigin origin, String text, List<Attachment> attachments,
                             Optional<RepliedMessage> repliedTo, long chatId, int messageId, Integer threadId) {
}
