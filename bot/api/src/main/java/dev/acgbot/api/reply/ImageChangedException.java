package dev.acgbot.api.reply;

import java.io.IOException;

/** A gallery file is no longer what the index saw (moved, replaced, a symlink): it is not sent. */
public final class ImageChangedException extends IOException {
    public ImageChangedException(String message) {
        super(message);
    }
}
