package dev.acgbot.gallery;

import dev.acgbot.gallery.internal.EmbeddingCodec;

/** How embeddings are stored on disk (searches always run on float32 in memory). */
public enum EmbeddingEncoding {
    /** IEEE half precision, 2 bytes a value. */
    FP16,
    /** One signed byte a value times a per-vector scale, 1 byte a value + 4. */
    INT8;

    /** The vector as it comes back from the store: what this encoding costs in recall (benchmarks measure it). */
    public float[] roundTrip(float[] v) {
        return EmbeddingCodec.decode(EmbeddingCodec.encode("", v, this)).vector();
    }

    /** Bytes one stored vector of {@code dimension} values takes, header included (no manifest hash). */
    public int storedBytes(int dimension) {
        return EmbeddingCodec.encode("", new float[dimension], this).length;
    }
}
