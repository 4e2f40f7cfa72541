package dev.acgbot.gallery;

/** How embeddings are stored on disk (searches always run on float32 in memory). */
public enum EmbeddingEncoding {
    /** IEEE half precision, 2 bytes a value. */
    FP16,
    /** One signed byte a value times a per-vector scale, 1 byte a value + 4. */
    INT8
}
