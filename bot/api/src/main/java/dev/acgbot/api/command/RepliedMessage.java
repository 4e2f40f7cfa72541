package dev.acgbot.api.command;

import java.util.List;

/**
 * The message a command replies to, when it replies to one.
 *
 * @param messageId   the platform's id of that message
 * @param text        its text or caption, possibly empty
 * @param attachments its images and files
 */
public record RepliedMessage(String messageId, String text, List<Attachment> attachments) {
    public RepliedMessage {
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
    }
}
