package dev.acgbot.gallery.internal;

import java.nio.file.Path;

/** An image file the scan found, with what change detection compares. */
record FoundFile(Path path, long size, long mtimeMillis) {
    String key() {
        return path.toString();
    }
}
