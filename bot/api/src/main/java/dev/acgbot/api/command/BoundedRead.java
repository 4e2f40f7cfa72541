package dev.acgbot.api.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading an attachment's stream without ever holding more than the caller's limit. */
public final class BoundedRead {
    private static final int BUFFER = 64 * 1024;

    private BoundedRead() {
    }

    /**
     * Reads the whole stream, failing as soon as it passes {@code maxBytes}, whatever size was declared.
     *
     * @throws AttachmentTooLargeException when the stream holds more than {@code maxBytes}
     */
    public static byte[] readAtMost(InputStream in, String fileName, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new AttachmentTooLargeException(fileName, maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
