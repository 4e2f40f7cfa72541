package dev.acgbot.gallery.search;

import dev.acgbot.testkit.ClusteredVectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 4-bit matrix and its re-ranked scan against the float32 scan on the same clustered vectors. */
class Int4SearchTest {
    private static final int DIM = 64;
    private static final int ROWS = 10_000; // three chunks: boundaries are crossed
    private static ExecutorService pool;
    private static ClusteredVectors data;
    private static VectorMatrix floats;
    private static Int4Matrix nibbles;

    @BeforeAll
    static void setUp() {
        pool = Executors.newFixedThreadPool(2);
        data = new ClusteredVectors(DIM, 50, ROWS, 11);
        floats = new VectorMatrix(DIM);
        nibbles = new Int4Matrix(DIM);
        for (int i = 0; i < ROWS; i++) {
            float[] v = data.image(i);
            floats.append(v);
            nibbles.append(v);
        }
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    private static VectorIndex int4(int depth) {
        return VectorIndexes.exactInt4(nibbles.view(), Rescorer.of(floats.view()), depth, pool, 2);
    }

    private static int[] ordinals(List<Neighbor> hits) {
        return hits.stream().mapToInt(Neighbor::ordinal).toArray();
    }

    private static float rms(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return (float) Math.sqrt(s / v.length);
    }

    @Test
    void valuesWithinTheClipComeBackWithinHalfAStepAndClippedOnesAtTheLimit() {
        Int4Matrix.View v = nibbles.view();
        for (int r : new int[]{0, 4095, 4096, ROWS - 1}) {
            float[] original = floats.view().row(r);
            float[] back = v.row(r);
            float step = v.scale(r);
            float max = 0f;
            for (float x : original) {
                max = Math.max(max, Math.abs(x));
            }
            float limit = Math.min(max, Int4Matrix.CLIP_RMS * rms(original));
            assertEquals(limit / Int4Matrix.LEVELS, step, 1e-6f, "scale of row " + r);
            for (int d = 0; d < DIM; d++) {
                float expected = Math.max(-limit, Math.min(limit, original[d]));
                assertEquals(expected, back[d], step / 2 + 1e-6f, "row " + r + " value " + d);
            }
        }
        // 32 bytes of nibbles and a float scale per 64-d row
        assertEquals((long) ROWS * (DIM / 2 + 4), v.bytes());
    }

    @Test
    void everyLevelAndAnOddDimensionRoundTripThroughTheNibbles() {
        // a row of 15 values with one per level: max 7 and rms below max / 2.5, so nothing is clipped
        float[] row = new float[15];
        for (int i = 0; i < 15; i++) {
            row[i] = i - 7;
        }
        byte[] packed = new byte[Int4Matrix.rowBytes(15)];
        float scale = Int4Matrix.quantise(row, 0, 15, packed, 0);
        assertEquals(8, packed.length);
        Int4Matrix m = new Int4Matrix(15);
        m.appendQuantised(packed, 0, scale);
        float[] back = m.view().row(0);
        for (int i = 0; i < 15; i++) {
            assertEquals(row[i], back[i], scale / 2 + 1e-6f, "value " + i);
        }
        // the padding nibble of the odd dimension is zero
        assertEquals(0, Int4Matrix.high(packed[7]));
    }

    @Test
    void int8RowsBecomeFourBitLosslesslyWhenTheyCameFromFourBitAndQuantisedAgainOtherwise() {
        Int4Matrix.View v = nibbles.view();
        Int8Matrix int8 = new Int8Matrix(DIM);
        Int4Matrix back = new Int4Matrix(DIM);
        for (int r : new int[]{0, 4096, ROWS - 1}) {
            // 4-bit -> int8 (18 v) -> 4-bit: the same values
            back.appendCopy(v, r);
            byte[] values = new byte[DIM];
            float scale = v.int8Row(r, values);
            int8.appendInt8(values, 0, scale);
            assertArrayEquals(v.row(r), int8.view().row(int8.size() - 1), 1e-6f, "int8 image of row " + r);
            back.appendCopy(int8.view(), int8.size() - 1);
            assertArrayEquals(v.row(r), back.view().row(back.size() - 1), 1e-6f, "back from int8, row " + r);
        }
        // an int8 row of its own (values not multiples of 18) is quantised again: as its values would be
        Int8Matrix plain = new Int8Matrix(DIM);
        plain.append(data.image(7));
        Int4Matrix fromPlain = new Int4Matrix(DIM);
        fromPlain.appendCopy(plain.view(), 0);
        Int4Matrix direct = new Int4Matrix(DIM);
        direct.append(plain.view().row(0));
        assertArrayEquals(direct.view().row(0), fromPlain.view().row(0), 0f);
    }

    @Test
    void anAllZeroRowQuantisesToZeroWithScaleZero() {
        Int4Matrix m = new Int4Matrix(4);
        m.append(new float[4]);
        assertEquals(0f, m.view().scale(0));
        assertArrayEquals(new float[4], m.view().row(0));
    }

    @Test
    void approximateScoresAreTheDotProductOfTheQuantisedValues() {
        // the kernel's integer sum times the two scales equals the float dot product of the dequantised row and query
        Int4Matrix.View v = nibbles.view();
        float[] query = data.textQuery(5);
        Int4Matrix.Query q = Int4Matrix.Query.of(query);
        VectorRows.RowScorer scorer = v.scorer(query);
        for (int r : new int[]{0, 1, 4095, 4096, ROWS - 1}) {
            float[] row = v.row(r);
            double expected = 0;
            for (int d = 0; d < DIM; d++) {
                int qd = d < DIM / 2 ? q.low()[d] : q.high()[d - DIM / 2];
                expected += row[d] * (qd * q.scale());
            }
            assertEquals(expected, scorer.score(r), 1e-5, "row " + r);
        }
    }

    @Test
    void reRankedInt4ScanReturnsTheFloatScansTopTenWithItsScores() {
        VectorIndex exact = VectorIndexes.exact(floats.view(), pool, 2);
        VectorIndex quantised = int4(VectorIndexes.DEFAULT_INT4_RERANK_DEPTH);
        for (int q = 0; q < 30; q++) {
            float[] query = q % 2 == 0 ? data.imageQuery(q) : data.textQuery(q);
            List<Neighbor> truth = exact.search(query, 10, VectorIndex.ALL);
            List<Neighbor> found = quantised.search(query, 10, VectorIndex.ALL);
            assertArrayEquals(ordinals(truth), ordinals(found), "query " + q);
            for (int i = 0; i < truth.size(); i++) {
                assertEquals(truth.get(i).score(), found.get(i).score(), 1e-6f, "query " + q + " hit " + i);
            }
        }
    }

    @Test
    void onRandomDataADepthOfEveryRowEqualsTheFloatScanExactly() {
        // uniform random rows: no clusters to help; re-ranking every row must give the float scan's answer exactly
        Random random = new Random(3);
        int dim = 33, rows = 700;
        VectorMatrix f = new VectorMatrix(dim);
        Int4Matrix m = new Int4Matrix(dim);
        for (int r = 0; r < rows; r++) {
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) random.nextGaussian();
            }
            f.append(v);
            m.append(v);
        }
        VectorIndex exact = VectorIndexes.exact(f.view(), pool, 2);
        VectorIndex all = VectorIndexes.exactInt4(m.view(), Rescorer.of(f.view()), rows, pool, 2);
        for (int q = 0; q < 10; q++) {
            float[] query = new float[dim];
            for (int d = 0; d < dim; d++) {
                query[d] = (float) random.nextGaussian();
            }
            assertArrayEquals(ordinals(exact.search(query, 10, VectorIndex.ALL)), ordinals(all.search(query, 10, VectorIndex.ALL)), "query " + q);
        }
    }

    @Test
    void withoutReRankingDepthTheQuantisedOrderAloneLosesNeighbours() {
        VectorIndex exact = VectorIndexes.exact(floats.view(), pool, 2);
        VectorIndex shallow = int4(10);
        int missed = 0;
        for (int q = 0; q < 100; q++) {
            float[] query = data.textQuery(q);
            List<Neighbor> truth = exact.search(query, 10, VectorIndex.ALL);
            List<Neighbor> found = shallow.search(query, 10, VectorIndex.ALL);
            missed += (int) truth.stream().filter(t -> found.stream().noneMatch(f -> f.ordinal() == t.ordinal())).count();
        }
        assertTrue(missed > 0, "4-bit scores alone should misorder some near ties");
    }

    @Test
    void batchesAnswerAsSingleQueriesDo() {
        VectorIndex quantised = int4(VectorIndexes.DEFAULT_INT4_RERANK_DEPTH);
        float[][] queries = IntStream.range(0, 5).mapToObj(data::imageQuery).toArray(float[][]::new);
        List<List<Neighbor>> together = quantised.searchBatch(queries, 10, VectorIndex.ALL);
        for (int q = 0; q < queries.length; q++) {
            List<Neighbor> alone = quantised.search(queries[q], 10, VectorIndex.ALL);
            assertArrayEquals(ordinals(alone), ordinals(together.get(q)), "query " + q);
            // the rescorer's float sums may differ in the last bit between the JIT's vector code and the
            // interpreter's fallback of the Vector API (another summation order)
            for (int i = 0; i < alone.size(); i++) {
                assertEquals(alone.get(i).score(), together.get(q).get(i).score(), 1e-6f, "query " + q + " hit " + i);
            }
        }
    }

    @Test
    void aBatchWhoseScanCrossesRowBlocksScoresEveryAcceptedRowOnceForEveryQuery() {
        // at 512 dimensions a block is 1,024 rows: a thread's 2,999 rows from row 1,001 span several, the first and
        // last partial, across the matrix's 4,096-row chunk boundary; asking for every row shows any row a block skips
        int dim = 512, rows = 7_000, first = 1_001;
        ClusteredVectors wide = new ClusteredVectors(dim, 40, rows, 5);
        VectorMatrix f = new VectorMatrix(dim);
        Int4Matrix m = new Int4Matrix(dim);
        for (int i = 0; i < rows; i++) {
            f.append(wide.image(i));
            m.append(wide.image(i));
        }
        IntPredicate notSeven = r -> r % 7 != 0;
        int[] accepted = IntStream.range(first, rows).filter(notSeven).toArray();
        VectorIndex index = VectorIndexes.exactInt4From(m.view(), first, Rescorer.of(f.view()), rows, pool, 2);
        float[][] queries = IntStream.range(0, 6).mapToObj(wide::imageQuery).toArray(float[][]::new);
        List<List<Neighbor>> together = index.searchBatch(queries, rows, notSeven);
        for (int q = 0; q < queries.length; q++) {
            assertArrayEquals(accepted, together.get(q).stream().mapToInt(Neighbor::ordinal).sorted().toArray(), "query " + q);
            assertArrayEquals(ordinals(index.search(queries[q], 10, notSeven)), ordinals(together.get(q).subList(0, 10)), "query " + q);
        }
    }

    @Test
    void rejectedRowsAreNeverReturnedAndAScanFromARowSkipsTheRowsBefore() {
        IntPredicate even = r -> r % 2 == 0;
        float[] query = data.imageQuery(3);
        List<Neighbor> truth = VectorIndexes.exact(floats.view(), pool, 2).search(query, 10, even);
        assertArrayEquals(ordinals(truth), ordinals(int4(VectorIndexes.DEFAULT_INT4_RERANK_DEPTH).search(query, 10, even)));
        List<Neighbor> tail = VectorIndexes.exactInt4From(nibbles.view(), 9_000, Rescorer.of(floats.view()), 100, pool, 2)
                .search(query, 10, VectorIndex.ALL);
        assertEquals(10, tail.size());
        assertTrue(tail.stream().allMatch(n -> n.ordinal() >= 9_000), tail.toString());
    }

    @Test
    void aViewDoesNotSeeRowsAppendedAfterItNorAPrefixTheRowsBeyondIt() {
        Int4Matrix m = new Int4Matrix(DIM);
        m.append(data.image(0));
        Int4Matrix.View before = m.view();
        m.append(data.image(1));
        assertEquals(1, before.size());
        assertEquals(2, m.view().size());
        assertThrows(IndexOutOfBoundsException.class, () -> before.row(1));
        assertEquals(1, m.view().prefix(1).size());
        assertThrows(IndexOutOfBoundsException.class, () -> m.view().prefix(3));
    }

    @Test
    void aQueryOrRowOfTheWrongDimensionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> int4(10).search(new float[DIM + 1], 10, VectorIndex.ALL));
        assertThrows(IllegalArgumentException.class, () -> new Int4Matrix(DIM).append(new float[DIM - 1]));
        assertThrows(IllegalArgumentException.class, () -> new Int4Matrix(0));
    }

    // the graph builder scores stored rows against stored rows in place: that is the dot product of the two
    // rows as the matrix holds them
    @Test
    void scoringFromAStoredRowIsTheDotProductOfBothDequantisedRows() {
        Int4Matrix.View v = nibbles.view();
        for (int from : new int[]{0, 4095, 4096, ROWS - 1}) {
            VectorRows.RowScorer stored = v.scorerForRow(from);
            float[] a = v.row(from);
            for (int r : new int[]{0, 1, 4095, 4096, 8191, 8192, ROWS - 1}) {
                float[] b = v.row(r);
                double expected = 0;
                for (int d = 0; d < DIM; d++) {
                    expected += (double) a[d] * b[d];
                }
                assertEquals(expected, stored.score(r), 1e-5, from + "->" + r);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> v.scorerForRow(ROWS));
    }
}
