package dev.acgbot.bench.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a second set of embeddings (int8) is from a reference set (fp32) of the same inputs: the cosine of each
 * pair, and whether a gallery search returns the same top k. Inputs need not be unit length.
 */
final class Agreement {
    private Agreement() {
    }

    /** Summary of the per-input cosines. */
    record Cosines(double mean, double min, int n) {
    }

    static Cosines cosines(List<float[]> reference, List<float[]> other) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reference.size(); i++) {
            double c = cosine(reference.get(i), other.get(i));
            sum += c;
            min = Math.min(min, c);
        }
        return new Cosines(sum / reference.size(), min, reference.size());
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /**
     * Mean over queries of |top-k by the reference ∩ top-k by the other| / k, each query searched in its own
     * set's gallery (queries[i] against gallery, ranked by cosine). With {@code selfIndexed}, query i is gallery
     * item i and is left out of its own results (image-to-image search).
     */
    static double topKOverlap(List<float[]> refQueries, List<float[]> refGallery, List<float[]> otherQueries,
                              List<float[]> otherGallery, int k, boolean selfIndexed) {
        double sum = 0;
        for (int q = 0; q < refQueries.size(); q++) {
            int exclude = selfIndexed ? q : -1;
            List<Integer> a = topK(refQueries.get(q), refGallery, k, exclude);
            List<Integer> b = topK(otherQueries.get(q), otherGallery, k, exclude);
            long shared = a.stream().filter(b::contains).count();
            sum += (double) shared / a.size();
        }
        return sum / refQueries.size();
    }

    /** Indices of the k gallery items most similar to the query (cosine), best first; ties by index. */
    static List<Integer> topK(float[] query, List<float[]> gallery, int k, int exclude) {
        List<Integer> order = new ArrayList<>();
        double[] score = new double[gallery.size()];
        for (int i = 0; i < gallery.size(); i++) {
            score[i] = cosine(query, gallery.get(i));
            if (i != exclude) {
                order.add(i);
            }
        }
        order.sort((x, y) -> score[x] != score[y] ? Double.compare(score[y], score[x]) : Integer.compare(x, y));
        return order.subList(0, Math.min(k, order.size()));
    }

    /** Mean cosine over all pairs: how crowded a set of embeddings is (random-weight towers crowd them). */
    static double meanPairwiseCosine(List<float[]> vectors) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = i + 1; j < vectors.size(); j++) {
                sum += cosine(vectors.get(i), vectors.get(j));
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }
}
