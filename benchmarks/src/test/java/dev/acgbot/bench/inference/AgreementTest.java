package dev.acgbot.bench.inference;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The agreement arithmetic of {@code bench inference --int8} on hand-checked vectors. */
class AgreementTest {

    @Test
    void cosineIgnoresLengthAndSummaryKeepsTheWorstPair() {
        List<float[]> ref = List.of(new float[]{1, 0}, new float[]{0, 2});
        List<float[]> other = List.of(new float[]{3, 0}, new float[]{1, 1});
        Agreement.Cosines c = Agreement.cosines(ref, other);
        assertEquals((1 + Math.sqrt(0.5)) / 2, c.mean(), 1e-12);
        assertEquals(Math.sqrt(0.5), c.min(), 1e-12);
        assertEquals(2, c.n());
    }

    @Test
    void topKLeavesTheQueryOutAndBreaksTiesByIndex() {
        List<float[]> g = List.of(new float[]{1, 0}, new float[]{1, 0.1f}, new float[]{0, 1}, new float[]{1, 0.1f});
        assertEquals(List.of(1, 3), Agreement.topK(g.get(0), g, 2, 0));
        assertEquals(List.of(0, 1, 3), Agreement.topK(g.get(0), g, 3, -1));
    }

    @Test
    void overlapCountsSharedResultsPerQuery() {
        // four items on a circle; in the "other" set item 3 moves next to item 0, so item 0's top 1 changes
        List<float[]> ref = List.of(v(0), v(20), v(90), v(200));
        List<float[]> other = List.of(v(0), v(20), v(90), v(-10));
        // top-1 per query, self left out: ref 0->1, 1->0, 2->1, 3->2 ; other 0->3, 1->0, 2->1, 3->0
        assertEquals(0.5, Agreement.topKOverlap(ref, ref, other, other, 1, true), 1e-12);
        assertEquals(1.0, Agreement.topKOverlap(ref, ref, ref, ref, 2, true), 1e-12);
        assertEquals(Math.cos(Math.toRadians(90)), Agreement.meanPairwiseCosine(List.of(v(0), v(90))), 1e-7);
    }

    @Test
    void marginsCompareTheNeighbourGapWithHowFarInt8MovesSimilarities() {
        List<float[]> ref = List.of(v(0), v(10), v(30), v(60));
        List<float[]> other = List.of(v(0), v(10), v(30), v(61));
        Agreement.Margins m = Agreement.margins(ref, other, 1);
        // gaps between 1st and 2nd neighbour: q0 10/30 deg, q1 0|30 -> 10/20, q2 10/30 -> 20/30, q3 30/50
        double g0 = Math.cos(Math.toRadians(10)) - Math.cos(Math.toRadians(30));
        double g1 = Math.cos(Math.toRadians(10)) - Math.cos(Math.toRadians(20));
        double g2 = Math.cos(Math.toRadians(20)) - Math.cos(Math.toRadians(30));
        double g3 = Math.cos(Math.toRadians(30)) - Math.cos(Math.toRadians(50));
        double[] gaps = {g0, g1, g2, g3};
        java.util.Arrays.sort(gaps);
        assertEquals((gaps[1] + gaps[2]) / 2, m.medianGap(), 1e-6);
        // 12 ordered pairs, 6 unchanged (0) and 6 with item 3 (1 degree each): the median falls between 0 and the
        // smallest change, cos 30 - cos 31
        assertEquals((Math.cos(Math.toRadians(30)) - Math.cos(Math.toRadians(31))) / 2, m.medianShift(), 1e-6);
    }

    private static float[] v(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[]{(float) Math.cos(r), (float) Math.sin(r)};
    }
}
