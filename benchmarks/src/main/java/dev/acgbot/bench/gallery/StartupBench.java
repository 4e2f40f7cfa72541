package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.EmbeddingEncoding;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.VectorPrecision;
import dev.acgbot.gallery.IndexMode;
import dev.acgbot.gallery.SearchFilter;
import dev.acgbot.gallery.SearchHit;
import dev.acgbot.gallery.internal.GalleryStore;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.testkit.ClusteredVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./acgbot bench startup}: how long a gallery of {@code --n} images takes from {@code Gallery.open} to
 * its first search answer, in exact mode and with a persisted graph, and the heap it holds afterwards. The
 * store is written directly (entries and 512-d fp16 embeddings, as the indexer leaves them), the graph built
 * and persisted by one open, then each mode is opened and searched. Page cache is warm (the store was just
 * written): a cold disk adds its read time of the store file.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Gallery start-up: time from open to the first search answer with a large gallery.")
public final class StartupBench implements Callable<Integer> {
    static final String CLIP = "bench-clip";
    static final String HASH = "bench-manifest";

    @Option(names = "--n", defaultValue = "100000", description = "images in the gallery (default ${DEFAULT-VALUE})")
    int n;
    @Option(names = "--dim", defaultValue = "512", description = "embedding dimension (default ${DEFAULT-VALUE})")
    int dim;
    @Option(names = "--skip-graph", description = "exact mode only (no graph build)")
    boolean skipGraph;
    @Option(names = "--vector-precision", defaultValue = "AUTO", description = "rows in memory: AUTO, INT8 or INT4 (default ${DEFAULT-VALUE})")
    VectorPrecision precision;

    @Override
    public Integer call() throws Exception {
        run(n, dim, !skipGraph, precision, System.out);
        return 0;
    }

    static void run(int n, int dim, boolean graph, VectorPrecision precision, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("acgbot-startup-bench");
        try {
            ClusteredVectors data = new ClusteredVectors(dim, IndexBench.clusters(n), n, 42);
            long t0 = System.nanoTime();
            writeStore(dir.resolve("gallery.db"), data, n);
            out.printf(Locale.ROOT, "wrote %,d entries + %d-d fp16 embeddings in %.1f s (%,d MB)%n", n, dim, (System.nanoTime() - t0) / 1e9,
                    Files.size(dir.resolve("gallery.db")) >> 20);
            storeReads(dir.resolve("gallery.db"), out);
            float[][] queries = java.util.stream.IntStream.range(0, 100).mapToObj(i -> i % 2 == 0 ? data.imageQuery(i) : data.textQuery(i))
                    .toArray(float[][]::new);
            out.printf(Locale.ROOT, "%-14s %10s %16s %14s %10s %18s%n", "mode", "open ms", "first search ms", "to answer ms", "heap MB",
                    "then p50/p99 ms");
            // the first open reads the store; its close writes vectors/<model>.i8v, which later opens read
            measure("exact, store", options(dir, IndexMode.EXACT, precision), queries, out);
            measure("exact, file", options(dir, IndexMode.EXACT, precision), queries, out);
            if (graph) {
                t0 = System.nanoTime();
                try (Gallery g = Gallery.open(options(dir, IndexMode.APPROXIMATE, precision), new OneClip(dim))) {
                    while (!"graph".equals(g.stats().indexKinds().get(CLIP))) {
                        TimeUnit.MILLISECONDS.sleep(200);
                    }
                }
                out.printf(Locale.ROOT, "graph built and persisted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                measure("graph, file", options(dir, IndexMode.APPROXIMATE, precision), queries, out);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** What opening reads from the store, apart: every entry (for the hashes), every embedding (for the vectors). */
    private static void storeReads(Path file, PrintStream out) {
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16, List.of(), true)) {
            long t0 = System.nanoTime();
            long[] n = {0};
            store.forEachEntry((sha, e) -> n[0] += e.pHash());
            long t1 = System.nanoTime();
            store.forEachEmbedding(CLIP, HASH, (sha, v) -> n[0] += v.length);
            long t2 = System.nanoTime();
            n[0] += store.entryCount(); // MapDB's hash map has no counter: size() walks every entry
            long t3 = System.nanoTime();
            out.printf(Locale.ROOT, "store reads: all entries %.0f ms, all embeddings (fp16 decode) %.0f ms, entry count %.0f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
    }

    private static GalleryOptions options(Path dir, IndexMode mode, VectorPrecision precision) {
        return GalleryOptions.builder().dataDir(dir).clipModels(List.of(CLIP)).indexMode(mode).vectorPrecision(precision).build();
    }

    /** Open, first answer, heap after it, then the gallery's own search latency (re-rank from the store included). */
    private static void measure(String mode, GalleryOptions opts, float[][] queries, PrintStream out) throws Exception {
        usedHeap();
        long t0 = System.nanoTime();
        try (Gallery g = Gallery.open(opts, new OneClip(queries[0].length))) {
            long opened = System.nanoTime();
            List<SearchHit> hits = g.searchByVector(CLIP, queries[1], 10, SearchFilter.none());
            long answered = System.nanoTime();
            if (hits.size() != 10) {
                throw new IllegalStateException("first search found " + hits.size() + " hits");
            }
            long heap = usedHeap();
            double[] ms = new double[queries.length];
            for (int i = 0; i < queries.length; i++) {
                long s = System.nanoTime();
                g.searchByVector(CLIP, queries[i], 10, SearchFilter.none());
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            java.util.Arrays.sort(ms);
            out.printf(Locale.ROOT, "%-14s %10.0f %16.1f %14.0f %10d %18s%n", mode, (opened - t0) / 1e6, (answered - opened) / 1e6,
                    (answered - t0) / 1e6, heap >> 20, String.format(Locale.ROOT, "%.2f/%.2f", ms[ms.length / 2], ms[ms.length * 99 / 100]));
        }
    }

    /** Entries and embeddings in commits of 1000 (the indexer commits 32 at a time; only the result matters here). */
    private static void writeStore(Path file, ClusteredVectors data, int n) {
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16, List.of(), true)) {
            for (int i = 0; i < n; i++) {
                String sha = String.format(Locale.ROOT, "%064x", i);
                store.putEntry(new GalleryEntry(sha, List.of(Path.of("/gallery/img" + i + ".png")), 100_000, Instant.EPOCH,
                        1000, 800, Optional.empty(), i, ~i, Map.of(), "", Map.of(CLIP, HASH)));
                store.putEmbedding(CLIP, sha, HASH, data.image(i));
                if (i % 1000 == 999) {
                    store.commit();
                }
            }
            store.commit();
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** One CLIP image model of the bench's dimension; the bench never embeds, it searches by vector. */
    private record OneClip(int dim) implements Inference {
        @Override
        public List<ModelInfo> models() {
            return List.of(new ModelInfo(CLIP, ModelTask.CLIP_IMAGE, "bench", dim, HASH, true, "cpu"));
        }

        @Override
        public Optional<ModelInfo> model(String id) {
            return models().stream().filter(m -> m.id().equals(id)).findFirst();
        }

        @Override
        public List<TagResult> tag(String modelId, List<DecodedImage> images) {
            throw new ModelUnavailableException(modelId, "the start-up bench runs no models");
        }

        @Override
        public List<float[]> embedImages(String modelId, List<DecodedImage> images) {
            throw new ModelUnavailableException(modelId, "the start-up bench runs no models");
        }

        @Override
        public TextEmbedding embedText(String modelId, String text) {
            throw new ModelUnavailableException(modelId, "the start-up bench runs no models");
        }

        @Override
        public void close() {
        }
    }
}
