package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.VectorRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * HNSW search over a {@link CompactGraph}: greedy descent through the upper levels, then a beam of width
 * {@code ef} on the base level. One instance per thread, reused: the visited set is a bit set cleared word by
 * word after each search (only the words it touched) and both heaps are primitive arrays that grow once, so a
 * search allocates only its answer (issue 15.3: per-query allocation and the visited set were the suspects
 * for the tail).
 */
final class GraphSearch {
    private long[] visited = new long[0];
    private int[] touched = new int[256];
    private int touchedCount;
    // candidates: a max-heap by score; results: a min-heap by score holding at most ef
    private final Heap candidates = new Heap(true);
    private final Heap results = new Heap(false);

    List<Neighbor> search(CompactGraph g, VectorRows.RowScorer scorer, int k, int ef, IntPredicate accept) {
        if (g.size == 0 || g.entry < 0) {
            return List.of();
        }
        int width = Math.max(k, ef);
        int ep = g.entry;
        float epScore = scorer.score(ep);
        for (int level = g.maxLevel(); level > 0; level--) {
            boolean moved = true;
            while (moved) {
                moved = false;
                int[] adj = g.adjacency[level];
                int from = g.slots(level, ep);
                for (int j = 0; from >= 0 && j < g.degrees[level]; j++) {
                    int nb = adj[from + j];
                    if (nb < 0) {
                        break;
                    }
                    float s = scorer.score(nb);
                    if (s > epScore) {
                        epScore = s;
                        ep = nb;
                        moved = true;
                    }
                }
            }
        }
        try {
            return base(g, scorer, ep, epScore, k, width, accept);
        } finally {
            clearVisited();
            candidates.clear();
            results.clear();
        }
    }

    private List<Neighbor> base(CompactGraph g, VectorRows.RowScorer scorer, int ep, float epScore, int k, int width,
                                IntPredicate accept) {
        if (visited.length < (g.size + 63) >>> 6) {
            visited = new long[(g.size + 63) >>> 6];
        }
        visit(ep);
        candidates.push(ep, epScore);
        if (accept.test(ep)) {
            results.push(ep, epScore);
        }
        int degree = g.degrees[0];
        int[] adj = g.adjacency[0];
        while (candidates.size > 0) {
            float best = candidates.topScore();
            if (results.size >= width && best < results.topScore()) {
                break;
            }
            int c = candidates.pop();
            int from = c * degree;
            for (int j = 0; j < degree; j++) {
                int nb = adj[from + j];
                if (nb < 0) {
                    break;
                }
                if (!visit(nb)) {
                    continue;
                }
                float s = scorer.score(nb);
                if (results.size < width || s > results.topScore()) {
                    candidates.push(nb, s);
                    if (accept.test(nb)) {
                        results.push(nb, s);
                        if (results.size > width) {
                            results.pop();
                        }
                    }
                }
            }
        }
        int n = Math.min(k, results.size);
        // the min-heap pops worst first: drop the surplus, then fill the answer from its end
        while (results.size > n) {
            results.pop();
        }
        Neighbor[] out = new Neighbor[n];
        for (int i = n - 1; i >= 0; i--) {
            float s = results.topScore();
            out[i] = new Neighbor(results.pop(), s);
        }
        return new ArrayList<>(Arrays.asList(out));
    }

    /** Marks {@code node} visited; false when it already was. */
    private boolean visit(int node) {
        int word = node >>> 6;
        long bit = 1L << node;
        long w = visited[word];
        if ((w & bit) != 0) {
            return false;
        }
        if (w == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = word;
        }
        visited[word] = w | bit;
        return true;
    }

    private void clearVisited() {
        for (int i = 0; i < touchedCount; i++) {
            visited[touched[i]] = 0L;
        }
        touchedCount = 0;
    }

    /** A binary heap of (node, score) in two arrays; max-heap or min-heap by score. */
    private static final class Heap {
        private final boolean max;
        private int[] nodes = new int[64];
        private float[] scores = new float[64];
        int size;

        Heap(boolean max) {
            this.max = max;
        }

        void clear() {
            size = 0;
        }

        float topScore() {
            return scores[0];
        }

        private boolean above(float a, float b) {
            return max ? a > b : a < b;
        }

        void push(int node, float score) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!above(score, scores[parent])) {
                    break;
                }
                nodes[i] = nodes[parent];
                scores[i] = scores[parent];
                i = parent;
            }
            nodes[i] = node;
            scores[i] = score;
        }

        /** Removes the top and returns its node. */
        int pop() {
            int top = nodes[0];
            int lastNode = nodes[--size];
            float last = scores[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && above(scores[child + 1], scores[child])) {
                    child++;
                }
                if (!above(scores[child], last)) {
                    break;
                }
                nodes[i] = nodes[child];
                scores[i] = scores[child];
                i = child;
            }
            if (size > 0) {
                nodes[i] = lastNode;
                scores[i] = last;
            }
            return top;
        }
    }
}
