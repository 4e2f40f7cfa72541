package dev.acgbot.gallery.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Top-k maximum-inner-product search over unit vectors. Implementations are immutable once built and safe for
 * concurrent searches.
 */
public interface VectorIndex {

    /** Accepts every row. */
    IntPredicate ALL = ordinal -> true;

    int dimension();

    /** Number of rows the index covers (ordinals {@code 0..size()-1}). */
    int size();

    /** {@code exact} or {@code graph}; for stats and logs. */
    String kind();

    /**
     * The best {@code k} accepted rows, best first.
     *
     * @param accept rows for which this answers false are never returned (deleted, filtered out)
     */
    List<Neighbor> search(float[] query, int k, IntPredicate accept);

    /** Several queries at once; implementations may share one pass over memory between them. */
    default List<List<Neighbor>> searchBatch(float[][] queries, int k, IntPredicate accept) {
        List<List<Neighbor>> out = new ArrayList<>(queries.length);
        for (float[] q : queries) {
            out.add(search(q, k, accept));
        }
        return out;
    }
}
