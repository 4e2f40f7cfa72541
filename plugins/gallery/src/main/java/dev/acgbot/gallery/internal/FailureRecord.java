package dev.acgbot.gallery.internal;

/**
 * A file that could not be read or decoded, remembered so the next reindex does not read it again while its
 * size and mtime stay the same (a full reindex retries it).
 */
public record FailureRecord(long size, long mtimeMillis, String reason) {
    public FailureRecord {
        reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    boolean matches(FoundFile f) {
        return size == f.size() && mtimeMillis == f.mtimeMillis();
    }
}
