package dev.acgbot.gallery.search;

/**
 * Proximity-graph settings, named as in HNSW so they compare with faiss.
 *
 * @param m              maximum neighbours per node
 * @param efConstruction beam width while building
 * @param efSearch       beam width while searching (at least k)
 */
public record GraphParams(int m, int efConstruction, int efSearch) {
    public GraphParams {
        if (m < 2 || efConstruction < 1 || efSearch < 1) {
            throw new IllegalArgumentException("graph parameters must be positive, m at least 2");
        }
    }

    /**
     * The settings benchmarked at 1M x 512 (docs/benchmarks.md): recall@10 >= 0.95 for image and simulated
     * text queries at p99 under 2.5 ms on 2 cores.
     */
    public static GraphParams defaults() {
        return new GraphParams(16, 100, 384);
    }
}
