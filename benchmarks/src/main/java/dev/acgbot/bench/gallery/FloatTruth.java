package dev.acgbot.bench.gallery;

import dev.acgbot.testkit.ClusteredVectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * The float32 exact top-k of each query over the bench's generated rows, as the sha256 names the start-up bench gives
 * them: what recall@k of the gallery's answers is measured against. One pass over the rows for all queries.
 */
final class FloatTruth {
    private static final int CHUNK = 4096;

    private FloatTruth() {
    }

    static List<List<String>> topK(ClusteredVectors data, int n, float[][] queries, int k) {
        List<PriorityQueue<long[]>> best = new ArrayList<>();
        for (int q = 0; q < queries.length; q++) {
            // {score bits, row}; least score first, so the head is the one to drop
            best.add(new PriorityQueue<>((a, b) -> Float.compare(Float.intBitsToFloat((int) a[0]), Float.intBitsToFloat((int) b[0]))));
        }
        for (int start = 0; start < n; start += CHUNK) {
            int from = start;
            float[][] rows = IntStream.range(from, Math.min(n, from + CHUNK)).parallel().mapToObj(data::image).toArray(float[][]::new);
            IntStream.range(0, queries.length).parallel().forEach(q -> {
                PriorityQueue<long[]> heap = best.get(q);
                for (int r = 0; r < rows.length; r++) {
                    float s = dot(rows[r], queries[q]);
                    if (heap.size() < k || s > Float.intBitsToFloat((int) heap.peek()[0])) {
                        heap.add(new long[]{Float.floatToRawIntBits(s), from + r});
                        if (heap.size() > k) {
                            heap.poll();
                        }
                    }
                }
            });
        }
        List<List<String>> out = new ArrayList<>();
        for (PriorityQueue<long[]> heap : best) {
            out.add(heap.stream().map(e -> String.format(Locale.ROOT, "%064x", e[1])).toList());
        }
        return out;
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
