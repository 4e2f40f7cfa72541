package dev.acgbot.gallery.internal;

/** What the store remembers of one file path, to skip it next time when size and mtime are unchanged. */
public record FileRecord(long size, long mtimeMillis, String sha256) {
}
