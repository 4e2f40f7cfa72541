package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.command.AttachmentTooLargeException;
import dev.acgbot.api.text.ByteSizes;

/** A file beyond what the Bot API lets bots download (20 MB on the public server). */
final class TelegramFileTooLargeException extends AttachmentTooLargeException {
    private final String fileName;
    private final long size;

    public TelegramFileTooLargeException(String fileName, long size, long limit) {
        super(fileName, limit);
        this.fileName = fileName;
        this.size = size;
    }

    /** Written for the chat user: the core may show it as it is. */
    @Override
    public String getMessage() {
        String sizeText = size > 0 ? " (" + megabytes(size) + ")" : "";
        return fileName + sizeText + " is too large: Telegram lets bots download files up to "
                + megabytes(limit()) + ". Please send a smaller version.";
    }

    private static String megabytes(long bytes) {
        return ByteSizes.human(bytes);
    }
}
