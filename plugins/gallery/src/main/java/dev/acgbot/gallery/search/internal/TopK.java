package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.Neighbor;

import java.util.ArrayList;
import java.util.List;

/** Bounded min-heap of (score, ordinal) on primitive arrays: the k best seen so far. */
final class TopK {
    private final int k;
    private final float[] scores;
    private final int[] ords;
    private int size;

    TopK(int k) {
        this.k = k;
        this.scores = new float[k];
        this.ords = new int[k];
    }

    /** Score a candidate must beat to enter; -inf until full. */
    float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(int ord, float score) {
        if (size < k) {
            scores[size] = score;
            ords[size] = ord;
            siftUp(size++);
        } else if (score > scores[0]) {
            scores[0] = score;
            ords[0] = ord;
            siftDown(0);
        }
    }

    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.ords[i], other.scores[i]);
        }
    }

    /** Best first; ties by ordinal so results are deterministic. */
    List<Neighbor> toList() {
        List<Neighbor> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Neighbor(ords[i], scores[i]));
        }
        out.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(a.ordinal(), b.ordinal()));
        return out;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (scores[p] <= scores[i]) {
                return;
            }
            swap(i, p);
            i = p;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int m = l + 1 < size && scores[l + 1] < scores[l] ? l + 1 : l;
            if (scores[i] <= scores[m]) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int o = ords[a];
        ords[a] = ords[b];
        ords[b] = o;
    }
}
