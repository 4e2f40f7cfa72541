package dev.acgbot.api.command;

import java.io.IOException;

/**
 * Fetching an attachment from the platform failed for a reason that is likely to pass (network, the platform's
 * server): the user is told to try again, the operator's log keeps the cause.
 */
public class AttachmentDownloadException extends IOException {
    private final String fileName;

    public AttachmentDownloadException(String fileName, String detail, Throwable cause) {
        super("download of " + fileName + " failed: " + detail, cause);
        this.fileName = fileName;
    }

    /** The attachment's name as posted. */
    public String fileName() {
        return fileName;
    }
}
