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

    /**
     * Why top-k lists reorder: the median (over queries) gap between the k-th and (k+1)-th reference similarity,
     * against the median absolute change int8 makes to a query-to-item similarity. Image-to-image, self left out.
     */
    record Margins(double medianGap, double medianShift) {
    }

    static Margins margins(List<float[]> reference, List<float[]> other, int k) {
        List<Double> gaps = new ArrayList<>();
        List<Double> shifts = new ArrayList<>();
        for (int q = 0; q < reference.size(); q++) {
            List<Integer> top = topK(reference.get(q), reference, k + 1, q);
            gaps.add(cosine(reference.get(q), reference.get(top.get(k - 1))) - cosine(reference.get(q), reference.get(top.get(k))));
            for (int i = 0; i < reference.size(); i++) {
                if (i != q) {
                    shifts.add(Math.abs(cosine(reference.get(q), reference.get(i)) - cosine(other.get(q), other.get(i))));
                }
            }
        }
        return new Margins(median(gaps), median(shifts));
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
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
