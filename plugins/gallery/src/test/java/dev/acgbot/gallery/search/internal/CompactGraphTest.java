package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.GraphParams;
import dev.acgbot.gallery.search.Int8Matrix;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.VectorIndex;
import dev.acgbot.gallery.search.VectorRows;
import dev.acgbot.testkit.ClusteredVectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph as flat arrays: what it holds, what it costs, how it is written, and that its searcher forgets nothing between queries. */
class CompactGraphTest {
    private static final int DIM = 32;
    private static final int ROWS = 6_000;
    private static ClusteredVectors data;
    private static Int8Matrix.View rows;
    private static GraphVectorIndex index;

    @BeforeAll
    static void setUp() {
        data = new ClusteredVectors(DIM, 30, ROWS, 5);
        Int8Matrix m = new Int8Matrix(DIM);
        for (int i = 0; i < ROWS; i++) {
            m.append(data.image(i));
        }
        rows = m.view();
        index = GraphVectorIndex.build(rows, new GraphParams(8, 32, 64), 2);
    }

    @Test
    void everyRowIsANodeWithNeighboursOnlyAmongTheRowsAndAboutFourBytesASlot() {
        CompactGraph g = index.graph();
        assertEquals(ROWS, g.size);
        assertEquals(16, g.degrees[0], "base degree 2M");
        for (int level = 0; level <= g.maxLevel(); level++) {
            int[] adj = g.adjacency[level];
            assertTrue(Arrays.stream(adj).allMatch(n -> n >= -1 && n < ROWS), "level " + level);
        }
        // every node links somewhere on the base level
        for (int from = 0; from < g.adjacency[0].length; from += g.degrees[0]) {
            assertTrue(g.adjacency[0][from] >= 0, "slot " + from);
        }
        long slots = Arrays.stream(g.adjacency).mapToLong(a -> a.length).sum();
        long upperNodes = Arrays.stream(g.levelNodes).skip(1).mapToLong(a -> a.length).sum();
        assertEquals(4 * (slots + upperNodes), g.bytes());
        assertTrue(g.bytes() < 4L * ROWS * 16 * 1.2, "base slots dominate: " + g.bytes());
    }

    @Test
    void searchesReturnTheRowsOwnScoresBestFirstAndRepeatIdentically() {
        VectorRows.RowScorer scorer;
        for (int i = 0; i < 20; i++) {
            float[] q = i % 2 == 0 ? data.imageQuery(i) : data.textQuery(i);
            scorer = rows.scorer(q);
            List<Neighbor> hits = index.search(q, 10, VectorIndex.ALL);
            assertEquals(10, hits.size());
            for (int j = 0; j < hits.size(); j++) {
                assertEquals(scorer.score(hits.get(j).ordinal()), hits.get(j).score(), 0f);
                assertTrue(j == 0 || hits.get(j - 1).score() >= hits.get(j).score());
            }
            // the visited bits and heaps of this thread's searcher are reset after every search
            assertEquals(hits, index.search(q, 10, VectorIndex.ALL));
        }
    }

    @Test
    void rejectedRowsAreWalkedThroughButNeverReturned() {
        float[] q = data.imageQuery(3);
        List<Neighbor> all = index.search(q, 10, VectorIndex.ALL);
        int first = all.get(0).ordinal();
        List<Neighbor> without = index.search(q, 10, r -> r != first && r % 2 == 0);
        assertEquals(10, without.size());
        assertTrue(without.stream().allMatch(n -> n.ordinal() != first && n.ordinal() % 2 == 0), without.toString());
    }

    @Test
    void aWrittenGraphReadsBackIdenticallyAndDamagedOrForeignFilesAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("g.graph");
        index.save(file);
        CompactGraph back = CompactGraph.read(file);
        CompactGraph g = index.graph();
        assertEquals(List.of(g.size, g.entry), List.of(back.size, back.entry));
        assertArrayEquals(g.degrees, back.degrees);
        assertArrayEquals(g.adjacency, back.adjacency);
        assertArrayEquals(g.levelNodes, back.levelNodes);

        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IOException.class, () -> CompactGraph.read(file));
        Files.write(file, new byte[]{'J', 'V', 'E', 'C', 0, 0, 0, 1});
        assertThrows(IOException.class, () -> CompactGraph.read(file));
        assertThrows(IOException.class, () -> GraphVectorIndex.load(rows.prefix(ROWS - 1), new GraphParams(8, 32, 64), writeAgain(dir)));
    }

    private static Path writeAgain(Path dir) throws IOException {
        Path file = dir.resolve("again.graph");
        index.save(file);
        return file;
    }

    @Test
    void nodesNoLinkReachesAreLinkedFromAReachableNeighbourSoEverySearchCanFindThem() {
        // degree 2, entry 0: 0 -> 1 and 1 -> 0; nothing links to 2, 3 or 4 (2 -> 0, 3 -> 2, 4 -> 1, 0)
        int[] adjacency = {
                1, -1,
                0, -1,
                0, -1,
                2, -1,
                1, 0,
        };
        CompactGraph.linkUnreachable(5, 0, 2, adjacency);
        assertEquals(5, reachableFrom(0, 2, adjacency), Arrays.toString(adjacency));
        // 2 hangs off 0, then 3 off 2 (reachable by then), 4 off 1: each from its first reachable neighbour's free slot
        assertArrayEquals(new int[]{1, 2, 0, 4, 0, 3, 2, -1, 1, 0}, adjacency);
    }

    @Test
    void aGraphWhoseNodesAreAllReachableIsLeftAsItIs() {
        CompactGraph g = index.graph();
        int[] base = g.adjacency[0].clone();
        CompactGraph.linkUnreachable(g.size, g.entry, g.degrees[0], base);
        assertArrayEquals(g.adjacency[0], base);
        assertEquals(g.size, reachableFrom(g.entry, g.degrees[0], base));
    }

    @Test
    void everyNodeOfAFullRandomGraphWithFewLinksBecomesReachable() {
        // every slot full, so each new link must replace one; a replaced link may have been the only way into its node
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            int degree = 1 + random.nextInt(4);
            int size = 2 + random.nextInt(60);
            int[] adjacency = new int[size * degree];
            for (int i = 0; i < adjacency.length; i++) {
                int node = i / degree;
                int to = random.nextInt(size - 1);
                adjacency[i] = to >= node ? to + 1 : to;
            }
            CompactGraph.linkUnreachable(size, 0, degree, adjacency);
            assertEquals(size, reachableFrom(0, degree, adjacency), "trial " + trial + ": " + Arrays.toString(adjacency));
        }
    }

    private static int reachableFrom(int entry, int degree, int[] adjacency) {
        int size = adjacency.length / degree;
        boolean[] seen = new boolean[size];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(entry));
        seen[entry] = true;
        int count = 1;
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (int j = 0; j < degree && adjacency[n * degree + j] >= 0; j++) {
                int nb = adjacency[n * degree + j];
                if (!seen[nb]) {
                    seen[nb] = true;
                    count++;
                    queue.add(nb);
                }
            }
        }
        return count;
    }
}
