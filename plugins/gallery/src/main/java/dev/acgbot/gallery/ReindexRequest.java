package dev.acgbot.gallery;

/** @param rereadAll re-read every file even when size and mtime are unchanged */
public record ReindexRequest(boolean rereadAll) {
    public static ReindexRequest incremental() {
        return new ReindexRequest(false);
    }

    public static ReindexRequest full() {
        return new ReindexRequest(true);
    }
}
