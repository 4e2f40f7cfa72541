package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.search.GraphIndex;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.VectorIndex;
import dev.acgbot.gallery.search.VectorIndexes;
import dev.acgbot.gallery.search.VectorMatrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.IntPredicate;

/**
 * The in-memory vectors of one CLIP model (writer side). Rows are only appended; a re-embedded or removed
 * image's old row is tombstoned. A graph, when present, covers the first {@code graph.size()} rows; later
 * rows are scanned exactly until the graph is rebuilt.
 */
final class ModelRows {
    final String modelId;
    final String manifestHash;
    final VectorMatrix matrix;
    final Column<String> shas = new Column<>();
    final Map<String, Integer> rowOf = new HashMap<>();
    final Tombstones dead = new Tombstones();
    GraphIndex graph;

    ModelRows(String modelId, String manifestHash, int dimension) {
        this.modelId = modelId;
        this.manifestHash = manifestHash;
        this.matrix = new VectorMatrix(dimension);
    }

    void put(String sha, float[] vector) {
        remove(sha);
        int row = matrix.append(vector);
        shas.append(sha);
        rowOf.put(sha, row);
    }

    /** A placeholder row (keeps a persisted graph's row numbering when an image has gone). */
    void putDead(String sha) {
        int row = matrix.append(new float[matrix.dimension()]);
        shas.append(sha);
        dead.delete(row);
    }

    void remove(String sha) {
        Integer old = rowOf.remove(sha);
        if (old != null) {
            dead.delete(old);
        }
    }

    int live() {
        return rowOf.size();
    }

    /** Rows not served by the graph: appended after it was built, or deleted since. */
    int staleRows() {
        int covered = graph == null ? 0 : graph.size();
        return matrix.size() - covered + dead.count();
    }

    Snapshot snapshot(ExecutorService pool, int threads) {
        VectorMatrix.View view = matrix.view();
        GraphIndex g = graph;
        VectorIndex full = VectorIndexes.exact(view, pool, threads);
        VectorIndex delta = g == null ? null : VectorIndexes.exactFrom(view, g.size(), pool, threads);
        return new Snapshot(modelId, manifestHash, view, shas.view(), dead.snapshot(), live(), g, full, delta);
    }

    /** What searches read: immutable. */
    record Snapshot(String modelId, String manifestHash, VectorMatrix.View view, Column.View<String> shas,
                    Tombstones.Snapshot dead, int live, GraphIndex graph, VectorIndex full,
                    VectorIndex delta) {

        String kind() {
            return graph == null ? "exact" : "graph";
        }

        String sha(int row) {
            return shas.get(row);
        }

        /** Top-k over live rows that {@code accept} takes; {@code exactOnly} forces a full scan. */
        List<Neighbor> search(float[] query, int k, IntPredicate accept, boolean exactOnly) {
            IntPredicate live = row -> !dead.deleted(row) && accept.test(row);
            if (graph == null || exactOnly) {
                return full.search(query, k, live);
            }
            List<Neighbor> merged = new ArrayList<>(graph.search(query, k, live));
            merged.addAll(delta.search(query, k, live));
            merged.sort((a, b) -> Float.compare(b.score(), a.score()));
            return merged.subList(0, Math.min(k, merged.size()));
        }

        VectorIndex index() {
            return graph == null ? full : graph;
        }
    }
}
