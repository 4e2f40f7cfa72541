package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.GraphParams;
import dev.acgbot.gallery.search.Int4Matrix;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.VectorIndex;
import dev.acgbot.testkit.ClusteredVectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A graph built and walked over 4-bit rows: every row is a reachable node, and a search for a row's own vector finds it. */
class Int4GraphTest {
    private static final int DIM = 32;
    private static final int ROWS = 3_000;
    private static ClusteredVectors data;
    private static Int4Matrix.View rows;
    private static GraphVectorIndex index;

    @BeforeAll
    static void setUp() {
        data = new ClusteredVectors(DIM, 30, ROWS, 5);
        Int4Matrix m = new Int4Matrix(DIM);
        for (int i = 0; i < ROWS; i++) {
            m.append(data.image(i));
        }
        rows = m.view();
        // one build thread: the same graph every run
        index = GraphVectorIndex.build(rows, new GraphParams(8, 32, 64), 1);
    }

    @Test
    void everyRowIsReachableFromTheEntryOnTheBaseLevel() {
        CompactGraph g = index.graph();
        assertEquals(ROWS, g.size);
        int degree = g.degrees[0];
        boolean[] seen = new boolean[ROWS];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(g.entry));
        seen[g.entry] = true;
        int count = 1;
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (int j = 0; j < degree && g.adjacency[0][n * degree + j] >= 0; j++) {
                int nb = g.adjacency[0][n * degree + j];
                if (!seen[nb]) {
                    seen[nb] = true;
                    count++;
                    queue.add(nb);
                }
            }
        }
        assertEquals(ROWS, count);
    }

    // as the gallery searches it: the best `depth` by 4-bit score, to be re-ranked (4-bit scores alone can put a
    // row behind its near duplicates, so a top-10 by them would not prove the walk reaches it)
    @Test
    void searchingForARowsOwnVectorFindsThatRowAmongTheCandidates() {
        List<Integer> lost = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            int row = r;
            List<Neighbor> hits = index.search(data.image(r), 50, VectorIndex.ALL);
            if (hits.stream().noneMatch(n -> n.ordinal() == row)) {
                lost.add(r);
            }
        }
        assertTrue(lost.isEmpty(), "rows not found by their own vector: " + lost);
    }
}
