package dev.acgbot.gallery.search;

import dev.acgbot.testkit.ClusteredVectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorIndexTest {
    private static final int DIM = 64;
    private static ExecutorService pool;
    private static VectorMatrix matrix;
    private static ClusteredVectors data;

    @BeforeAll
    static void setUp() {
        pool = Executors.newFixedThreadPool(2);
        data = new ClusteredVectors(DIM, 50, 10_000, 7);
        matrix = new VectorMatrix(DIM);
        for (int i = 0; i < 10_000; i++) { // spans three chunks, so chunk boundaries are crossed
            matrix.append(data.image(i));
        }
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    private static List<Neighbor> naive(VectorMatrix.View m, float[] q, int k, IntPredicate accept) {
        List<Neighbor> all = new ArrayList<>();
        for (int r = 0; r < m.size(); r++) {
            if (accept.test(r)) {
                float[] row = m.row(r);
                double s = 0;
                for (int d = 0; d < DIM; d++) {
                    s += row[d] * q[d];
                }
                all.add(new Neighbor(r, (float) s));
            }
        }
        all.sort(Comparator.comparingDouble((Neighbor n) -> -n.score()));
        return all.subList(0, Math.min(k, all.size()));
    }

    @Test
    void exactSearchEqualsNaiveScanIncludingBatchesAndFilters() {
        VectorMatrix.View view = matrix.view();
        VectorIndex exact = VectorIndexes.exact(view, pool, 2);
        IntPredicate odd = r -> r % 2 == 1;
        float[][] queries = IntStream.range(0, 7).mapToObj(i -> data.imageQuery(i)).toArray(float[][]::new);
        List<List<Neighbor>> batch = exact.searchBatch(queries, 10, odd);
        for (int q = 0; q < queries.length; q++) {
            List<Neighbor> expected = naive(view, queries[q], 10, odd);
            List<Neighbor> single = exact.search(queries[q], 10, odd);
            assertEquals(ordinals(expected), ordinals(single), "single query " + q);
            assertEquals(ordinals(expected), ordinals(batch.get(q)), "batched query " + q);
            for (int i = 0; i < 10; i++) {
                assertEquals(expected.get(i).score(), single.get(i).score(), 1e-4);
            }
        }
    }

    @Test
    void viewTakenBeforeAppendNeverSeesNewRows() {
        VectorMatrix m = new VectorMatrix(DIM);
        m.append(data.image(1));
        VectorMatrix.View before = m.view();
        float[] q = data.image(2);
        m.append(q);
        assertEquals(1, VectorIndexes.exact(before, pool, 2).search(q, 5, VectorIndex.ALL).size());
        assertEquals(1, VectorIndexes.exact(m.view(), pool, 2).search(q, 5, VectorIndex.ALL).get(0).ordinal());
    }

    /** Bound: recall@10 of the graph at M=16, ef=64 on 10k clustered vectors stays above 0.9 for both query kinds. */
    @Test
    void graphRecallAboveBoundAndSurvivesSaveLoad(@TempDir Path dir) throws Exception {
        VectorMatrix.View view = matrix.view();
        GraphParams params = new GraphParams(16, 64, 64);
        GraphIndex graph = VectorIndexes.buildGraph(view, params, 2);
        VectorIndex exact = VectorIndexes.exact(view, pool, 2);
        assertTrue(recall(graph, exact, false) > 0.9, "image recall");
        assertTrue(recall(graph, exact, true) > 0.9, "text recall");

        Path file = dir.resolve("g.bin");
        graph.save(file);
        GraphIndex loaded = VectorIndexes.loadGraph(view, params, file);
        float[] q = data.imageQuery(3);
        assertEquals(ordinals(graph.search(q, 10, VectorIndex.ALL)), ordinals(loaded.search(q, 10, VectorIndex.ALL)));
        IntPredicate notFirst = r -> r != graph.search(q, 1, VectorIndex.ALL).get(0).ordinal();
        assertTrue(loaded.search(q, 10, notFirst).stream().allMatch(n -> notFirst.test(n.ordinal())));
    }

    private static double recall(VectorIndex approx, VectorIndex exact, boolean text) {
        int hits = 0;
        int total = 0;
        for (int i = 0; i < 100; i++) {
            float[] q = text ? data.textQuery(i) : data.imageQuery(i);
            Set<Integer> truth = new HashSet<>(ordinals(exact.search(q, 10, VectorIndex.ALL)));
            for (int o : ordinals(approx.search(q, 10, VectorIndex.ALL))) {
                hits += truth.contains(o) ? 1 : 0;
            }
            total += 10;
        }
        return (double) hits / total;
    }

    private static List<Integer> ordinals(List<Neighbor> ns) {
        return ns.stream().map(Neighbor::ordinal).toList();
    }
}
