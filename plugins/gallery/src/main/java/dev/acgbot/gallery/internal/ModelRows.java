package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.search.GraphIndex;
import dev.acgbot.gallery.search.QuantisedMatrix;
import dev.acgbot.gallery.search.QuantisedRows;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.Rescorer;
import dev.acgbot.gallery.search.RowFormat;
import dev.acgbot.gallery.search.VectorIndex;
import dev.acgbot.gallery.search.VectorIndexes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The in-memory vectors of one CLIP model (writer side). Rows are only appended; a re-embedded or removed
 * image's old row is tombstoned. A graph, when present, covers the first {@code graph.size()} rows; later
 * rows are scanned exactly until the graph is rebuilt. Rows are held as int8 with a per-row scale (a quarter
 * of float32: 1M x 512 is 0.49 GiB instead of 1.95 GiB), or 4-bit in large galleries ({@link RowFormat},
 * chosen by {@code GalleryOptions.vectorPrecision}); every search re-ranks its best candidates with the
 * store's full-precision vectors, so answers and scores are those of a float scan (IndexBench measures the
 * recall, docs/benchmarks.md).
 */
final class ModelRows {
    final String modelId;
    final String manifestHash;
    final QuantisedMatrix matrix;
    final Column<String> shas = new Column<>();
    final RowIndex rowOf = new RowIndex(shas);
    final Tombstones dead = new Tombstones();
    GraphIndex graph;
    /** The store's fp16 rows, memory-mapped, for the first {@code half.rows()} rows; null: re-rank from the store. */
    MappedHalfRows half;

    ModelRows(String modelId, String manifestHash, int dimension) {
        this(modelId, manifestHash, dimension, RowFormat.INT8);
    }

    ModelRows(String modelId, String manifestHash, int dimension, RowFormat format) {
        this.modelId = modelId;
        this.manifestHash = manifestHash;
        this.matrix = QuantisedMatrix.create(format, dimension);
    }

    /**
     * The same rows, numbering, tombstones and graph held in {@code format} (this, when it already is): a
     * start-up that read int8 rows for a gallery that now wants 4-bit ones.
     */
    ModelRows in(RowFormat format) {
        if (format == matrix.format()) {
            return this;
        }
        ModelRows out = new ModelRows(modelId, manifestHash, matrix.dimension(), format);
        QuantisedRows view = matrix.view();
        var shaView = shas.view();
        var deadNow = dead.snapshot();
        for (int row = 0; row < view.size(); row++) {
            out.matrix.appendCopy(view, row);
            out.shas.append(shaView.get(row));
            if (deadNow.deleted(row)) {
                out.dead.delete(row);
            }
        }
        rowOf.forEach((sha, row) -> out.rowOf.put(row)); // same row numbers, same shas
        out.graph = graph == null ? null : graph.over(out.matrix.view().prefix(graph.size()));
        return out;
    }

    void put(String sha, float[] vector) {
        remove(sha);
        int row = matrix.append(vector);
        shas.append(sha);
        rowOf.put(row);
    }

    /** Copies live row {@code row} (image {@code sha}) of another {@code ModelRows} as it is quantised there. */
    void copy(ModelRows from, int row, String sha) {
        remove(sha);
        int ordinal = matrix.appendCopy(from.matrix.view(), row);
        shas.append(sha);
        rowOf.put(ordinal);
    }

    /** Appends a row read back from a {@link VectorFiles vector file}, live or dead, as it was. */
    void restore(String sha, byte[] values, float scale, boolean deadRow) {
        int row = matrix.appendInt8(values, 0, scale);
        shas.append(sha);
        if (deadRow) {
            dead.delete(row);
        } else {
            rowOf.put(row);
        }
    }

    /** A placeholder row (keeps a persisted graph's row numbering when an image has gone). */
    void putDead(String sha) {
        int row = matrix.append(new float[matrix.dimension()]);
        shas.append(sha);
        dead.delete(row);
    }

    void remove(String sha) {
        int old = rowOf.remove(sha);
        if (old >= 0) {
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

    /**
     * @param stored the full-precision vector of an image in the store (null when it has none): what the best
     *               {@code depth} candidates of every search are re-ranked with, where {@link #half} has no row
     * @param depth  candidates re-ranked per search
     */
    Snapshot snapshot(ExecutorService pool, int threads, Function<String, float[]> stored, int depth) {
        QuantisedRows view = matrix.view();
        Column.View<String> shaView = shas.view();
        MappedHalfRows mapped = half;
        // rows the mapped file cannot serve (appended since it was written, absent then, or it is closed) read the store
        Rescorer rescorer = Rescorer.of(row -> {
            float[] v = mapped == null ? null : mapped.vector(row);
            return v != null ? v : stored.apply(shaView.get(row));
        }, view);
        GraphIndex g = graph;
        VectorIndex full = view.exact(rescorer, 0, depth, pool, threads);
        VectorIndex delta = g == null ? null : view.exact(rescorer, g.size(), depth, pool, threads);
        return new Snapshot(modelId, manifestHash, view, shaView, dead.snapshot(), live(), g, full, delta, rescorer, depth);
    }

    /** What searches read: immutable. */
    record Snapshot(String modelId, String manifestHash, QuantisedRows view, Column.View<String> shas,
                    Tombstones.Snapshot dead, int live, GraphIndex graph, VectorIndex full,
                    VectorIndex delta, Rescorer rescorer, int depth) {

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
            // the graph scores quantised rows: its best `depth` are re-ranked at full precision, as the scans' are
            List<Neighbor> merged = new ArrayList<>();
            for (Neighbor n : graph.search(query, Math.max(k, depth), live)) {
                merged.add(new Neighbor(n.ordinal(), rescorer.score(query, n.ordinal())));
            }
            merged.addAll(delta.search(query, k, live));
            merged.sort((a, b) -> Float.compare(b.score(), a.score()));
            return merged.subList(0, Math.min(k, merged.size()));
        }

        VectorIndex index() {
            return graph == null ? full : graph;
        }
    }
}
