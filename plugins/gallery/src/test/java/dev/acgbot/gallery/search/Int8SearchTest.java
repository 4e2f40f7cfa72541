package dev.acgbot.gallery.search;

import dev.acgbot.testkit.ClusteredVectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The int8 matrix and its re-ranked scan against the float32 scan on the same clustered vectors. */
class Int8SearchTest {
    private static final int DIM = 64;
    private static final int ROWS = 10_000; // three chunks: boundaries are crossed
    private static ExecutorService pool;
    private static ClusteredVectors data;
    private static VectorMatrix floats;
    private static Int8Matrix bytes;

    @BeforeAll
    static void setUp() {
        pool = Executors.newFixedThreadPool(2);
        data = new ClusteredVectors(DIM, 50, ROWS, 11);
        floats = new VectorMatrix(DIM);
        bytes = new Int8Matrix(DIM);
        for (int i = 0; i < ROWS; i++) {
            float[] v = data.image(i);
            floats.append(v);
            bytes.append(v);
        }
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    private static VectorIndex int8(int depth) {
        return VectorIndexes.exactInt8(bytes.view(), Rescorer.of(floats.view()), depth, pool, 2);
    }

    private static int[] ordinals(List<Neighbor> hits) {
        return hits.stream().mapToInt(Neighbor::ordinal).toArray();
    }

    @Test
    void quantisedRowsAreWithinHalfAStepOfTheOriginal() {
        Int8Matrix.View v = bytes.view();
        for (int r : new int[]{0, 4095, 4096, ROWS - 1}) {
            float[] original = floats.view().row(r);
            float[] back = v.row(r);
            float step = v.scale(r);
            float max = 0f;
            for (float x : original) {
                max = Math.max(max, Math.abs(x));
            }
            assertEquals(max / 127f, step, 1e-7f, "scale of row " + r);
            for (int d = 0; d < DIM; d++) {
                assertEquals(original[d], back[d], step / 2 + 1e-7f, "row " + r + " value " + d);
            }
        }
        assertEquals((long) ROWS * (DIM + 4), v.bytes());
    }

    @Test
    void anAllZeroRowQuantisesToZeroWithScaleZero() {
        Int8Matrix m = new Int8Matrix(4);
        m.append(new float[4]);
        assertEquals(0f, m.view().scale(0));
        assertArrayEquals(new float[4], m.view().row(0));
    }

    @Test
    void reRankedInt8ScanReturnsTheFloatScansTopTenWithItsScores() {
        VectorIndex exact = VectorIndexes.exact(floats.view(), pool, 2);
        VectorIndex quantised = int8(VectorIndexes.DEFAULT_RERANK_DEPTH);
        for (int q = 0; q < 30; q++) {
            float[] query = q % 2 == 0 ? data.imageQuery(q) : data.textQuery(q);
            List<Neighbor> truth = exact.search(query, 10, VectorIndex.ALL);
            List<Neighbor> found = quantised.search(query, 10, VectorIndex.ALL);
            // same rows in the same order, and the scores are the full-precision ones from the rescorer (to the
            // last bits: the scan's four-row kernel and the rescorer's one-row kernel add in different orders)
            assertArrayEquals(ordinals(truth), ordinals(found), "query " + q);
            for (int i = 0; i < truth.size(); i++) {
                assertEquals(truth.get(i).score(), found.get(i).score(), 1e-6f, "query " + q + " hit " + i);
            }
        }
    }

    @Test
    void withoutReRankingDepthTheQuantisedOrderAloneLosesNeighbours() {
        // a depth of k re-ranks nothing beyond the approximate top-k: this proves the re-rank is what restores recall
        VectorIndex exact = VectorIndexes.exact(floats.view(), pool, 2);
        VectorIndex shallow = int8(10);
        int missed = 0;
        for (int q = 0; q < 100; q++) {
            float[] query = data.textQuery(q);
            List<Neighbor> truth = exact.search(query, 10, VectorIndex.ALL);
            List<Neighbor> found = shallow.search(query, 10, VectorIndex.ALL);
            missed += (int) truth.stream().filter(t -> found.stream().noneMatch(f -> f.ordinal() == t.ordinal())).count();
        }
        assertTrue(missed > 0, "int8 scores alone should misorder some near ties");
    }

    @Test
    void batchesAnswerAsSingleQueriesDoWhateverTheBatchSize() {
        VectorIndex quantised = int8(VectorIndexes.DEFAULT_RERANK_DEPTH);
        for (int batch : new int[]{2, 5, 16}) {
            float[][] queries = IntStream.range(0, batch).mapToObj(data::imageQuery).toArray(float[][]::new);
            List<List<Neighbor>> together = quantised.searchBatch(queries, 10, VectorIndex.ALL);
            for (int q = 0; q < batch; q++) {
                List<Neighbor> alone = quantised.search(queries[q], 10, VectorIndex.ALL);
                assertArrayEquals(ordinals(alone), ordinals(together.get(q)), "batch " + batch + " query " + q);
                // the rescorer's float sums may differ in the last bit between the JIT's vector code and the
                // interpreter's fallback of the Vector API (another summation order): which one runs depends on
                // what ran before in the same JVM
                for (int i = 0; i < alone.size(); i++) {
                    assertEquals(alone.get(i).score(), together.get(q).get(i).score(), 1e-6f, "batch " + batch + " query " + q + " hit " + i);
                }
            }
        }
    }

    @Test
    void rejectedRowsAreNeverReturned() {
        IntPredicate even = r -> r % 2 == 0;
        float[] query = data.imageQuery(3);
        List<Neighbor> truth = VectorIndexes.exact(floats.view(), pool, 2).search(query, 10, even);
        List<Neighbor> found = int8(VectorIndexes.DEFAULT_RERANK_DEPTH).search(query, 10, even);
        assertArrayEquals(ordinals(truth), ordinals(found));
        assertTrue(IntStream.of(ordinals(found)).allMatch(r -> r % 2 == 0));
    }

    @Test
    void aViewDoesNotSeeRowsAppendedAfterIt() {
        Int8Matrix m = new Int8Matrix(DIM);
        m.append(data.image(0));
        Int8Matrix.View before = m.view();
        m.append(data.image(1));
        assertEquals(1, before.size());
        assertEquals(2, m.view().size());
        assertThrows(IndexOutOfBoundsException.class, () -> before.row(1));
    }

    @Test
    void aQueryOfTheWrongDimensionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> int8(10).search(new float[DIM + 1], 10, VectorIndex.ALL));
    }

    // the graph builder scores from stored rows without a float round trip; it must see the very scores a
    // query equal to that row gets, on both matrices
    @Test
    void scoringFromAStoredRowEqualsScoringItsValuesAsAQuery() {
        for (VectorRows rows : List.<VectorRows>of(bytes.view(), floats.view())) {
            for (int from : new int[]{0, 4095, 4096, ROWS - 1}) {
                VectorRows.RowScorer stored = rows.scorerForRow(from);
                VectorRows.RowScorer asQuery = rows.scorer(rows.row(from));
                for (int r : new int[]{0, 1, 4095, 4096, 8191, 8192, ROWS - 1}) {
                    assertEquals(asQuery.score(r), stored.score(r), 0f, rows.getClass().getSimpleName() + " " + from + "->" + r);
                }
            }
            assertThrows(IndexOutOfBoundsException.class, () -> rows.scorerForRow(ROWS));
        }
    }
}
