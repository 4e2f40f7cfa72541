package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.SearchFilter;
import dev.acgbot.gallery.SearchHit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The gallery's searches with the re-rank read from the memory-mapped fp16 file and from the store, interleaved
 * (file, store, store, file, file, store, ...; each a fresh open of the same data directory): open time, first answer, then
 * every query's latency, recall@10 and whether both sources answer alike, hit for hit and score for score.
 */
final class RerankComparison {
    private static final int K = 10;

    private RerankComparison() {
    }

    private record Side(String name, boolean fromFile, List<Double> openMs, List<Double> firstMs, List<Double> searchMs,
                        List<List<String>> answers) {
        Side(String name, boolean fromFile) {
            this(name, fromFile, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    static void run(String label, GalleryOptions.Builder opts, float[][] queries, int rounds, List<List<String>> truth,
                    PrintStream out) throws Exception {
        String loadBefore = loadAverage();
        Side file = new Side("mapped fp16 file", true);
        Side store = new Side("MapDB store", false);
        for (int round = 0; round < rounds; round++) {
            // file first in even rounds, store first in odd ones: neither side always opens right after a collection
            for (Side side : round % 2 == 0 ? List.of(file, store) : List.of(store, file)) {
                once(side, opts.rerankFromFile(side.fromFile()).build(), queries, round == 0);
            }
        }
        out.printf(Locale.ROOT, "%s: re-rank source, %d interleaved rounds of %d queries (load average %s before, %s after)%n",
                label, rounds, queries.length, loadBefore, loadAverage());
        out.printf(Locale.ROOT, "  %-18s %10s %12s %10s %10s %10s %14s%n", "re-rank from", "open ms", "first ms", "p50 ms", "p99 ms",
                "p99.9 ms", "recall@10 i/t");
        for (Side side : List.of(file, store)) {
            out.printf(Locale.ROOT, "  %-18s %10.0f %12.2f %10.3f %10.3f %10.3f %14s%n", side.name(), median(side.openMs()),
                    median(side.firstMs()), quantile(side.searchMs(), 0.5), quantile(side.searchMs(), 0.99),
                    quantile(side.searchMs(), 0.999), truth == null ? "-" : recall(side.answers(), truth));
        }
        int same = 0;
        for (int q = 0; q < queries.length; q++) {
            same += file.answers().get(q).equals(store.answers().get(q)) ? 1 : 0;
        }
        out.printf(Locale.ROOT, "  p50 ratio file/store %.3f; identical answers (hits and scores) %d of %d queries%n",
                quantile(file.searchMs(), 0.5) / quantile(store.searchMs(), 0.5), same, queries.length);
    }

    private static void once(Side side, GalleryOptions options, float[][] queries, boolean keepAnswers) throws Exception {
        StartupBench.usedHeap(); // collect the previous round's garbage outside the timed part
        long t0 = System.nanoTime();
        try (Gallery g = Gallery.open(options, new StartupBench.OneClip(queries[0].length))) {
            long opened = System.nanoTime();
            g.searchByVector(StartupBench.CLIP, queries[1], K, SearchFilter.none());
            long answered = System.nanoTime();
            side.openMs().add((opened - t0) / 1e6);
            side.firstMs().add((answered - opened) / 1e6);
            for (float[] q : queries) {
                long s = System.nanoTime();
                List<SearchHit> hits = g.searchByVector(StartupBench.CLIP, q, K, SearchFilter.none());
                side.searchMs().add((System.nanoTime() - s) / 1e6);
                if (keepAnswers) {
                    side.answers().add(hits.stream().map(h -> h.entry().sha256() + " " + h.score()).toList());
                }
            }
        }
    }

    /** Mean recall@10 of image queries (even) and text queries (odd) against the float32 exact top-10. */
    private static String recall(List<List<String>> answers, List<List<String>> truth) {
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int q = 0; q < answers.size(); q++) {
            var want = new HashSet<>(truth.get(q));
            long found = answers.get(q).stream().map(a -> a.substring(0, a.indexOf(' '))).filter(want::contains).count();
            sum[q % 2] += (double) found / want.size();
            count[q % 2]++;
        }
        return String.format(Locale.ROOT, "%.3f/%.3f", sum[0] / count[0], sum[1] / count[1]);
    }

    private static double median(List<Double> v) {
        return quantile(v, 0.5);
    }

    private static double quantile(List<Double> v, double p) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) (p * a.length))];
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
