package dev.acgbot.api.command;

import java.io.IOException;

/** An attachment is larger than the limit the caller set. */
public class AttachmentTooLargeException extends IOException {
    private final long limit;

    public AttachmentTooLargeException(String fileName, long limit) {
        super(fileName + " is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
