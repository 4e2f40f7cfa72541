package dev.acgbot.gallery;

import dev.acgbot.gallery.search.RowFormat;

/**
 * How each model's vectors are held in memory. Searches re-rank their best candidates with the store's
 * full-precision vectors either way, so answers agree with a float32 scan (recall@10 1.000 for image and text
 * queries at re-rank depth 100 in both formats, docs/benchmarks.md "4-bit rows and re-rank").
 */
public enum VectorPrecision {
    /**
     * int8 until a model's int8 rows and graph would pass {@link #MEMORY_BUDGET_BYTES}, 4-bit from there on:
     * at 512 dimensions from 928,793 images. Below that int8 costs little memory (62 MB at 100k) and has had
     * more measurement (and its plain-Java kernel is 5x faster than the 4-bit one); above it 4-bit is what
     * keeps vectors + graph at 1M within the budget (0.390 GB instead of 0.646 GB).
     */
    AUTO,
    INT8,
    INT4;

    /** Issue 15's budget for one model's vectors + graph in memory: 0.6 GB at 1M x 512. */
    public static final long MEMORY_BUDGET_BYTES = 600_000_000L;
    /** Graph bytes per node as measured (CompactGraph, M=16: 130 B; docs/benchmarks.md). */
    public static final int GRAPH_BYTES_PER_NODE = 130;

    /** The format rows of {@code dimension} values are held in when a model has {@code rows} images. */
    public RowFormat format(long rows, int dimension) {
        return switch (this) {
            case INT8 -> RowFormat.INT8;
            case INT4 -> RowFormat.INT4;
            case AUTO -> rows * (RowFormat.INT8.rowBytes(dimension) + (long) GRAPH_BYTES_PER_NODE) > MEMORY_BUDGET_BYTES
                    ? RowFormat.INT4 : RowFormat.INT8;
        };
    }
}
