package dev.acgbot.gallery;

/** Which vector index serves searches. */
public enum IndexMode {
    /** Exact below {@link GalleryOptions#approximateThreshold()} images, graph from there on. */
    AUTO,
    EXACT,
    APPROXIMATE
}
