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
 *
 * <p>Then the re-rank's source, interleaved (file, store, file, store, ...): the gallery re-ranks its best candidates
 * from {@code vectors/<model>.f16v} memory-mapped, or, with {@code rerankFromFile(false)}, from MapDB one read per
 * candidate; same queries, same JVM, so the load of a shared machine falls on both. Both must return the same hits
 * with the same scores; recall@10 is against a float32 exact scan of the generated vectors.
 *
 * <p>{@code --dir D --heap-only} opens the gallery kept in {@code D} from its files, answers one search and prints
 * the heap in use: run under different {@code ACGBOT_BENCH_JAVA_OPTS=-Xmx...} to find the smallest heap that opens
 * a gallery of that size (the first run writes the store and the files; it needs the launcher's 6 GB at 1M).
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Gallery start-up: time from open to the first search answer with a large gallery.")
public final class StartupBench implements Callable<Integer> {
    public static final String CLIP = "bench-clip";
    static final String HASH = "bench-manifest";

    @Option(names = "--n", defaultValue = "100000", description = "images in the gallery (default ${DEFAULT-VALUE})")
    int n;
    @Option(names = "--dim", defaultValue = "512", description = "embedding dimension (default ${DEFAULT-VALUE})")
    int dim;
    @Option(names = "--skip-graph", description = "exact mode only (no graph build)")
    boolean skipGraph;
    @Option(names = "--rounds", defaultValue = "3", description = "rounds of the interleaved re-rank comparison (default ${DEFAULT-VALUE}; 0 skips it)")
    int rounds;
    @Option(names = "--recall", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "recall@10 against a float32 exact scan (a pass over every generated vector per 100 queries)")
    boolean recall;
    @Option(names = "--dir", description = "keep the gallery here and reuse its store (default: a temporary directory, deleted)")
    Path keep;
    @Option(names = "--heap-only", description = "with --dir: open the kept gallery from its files, answer one search, print the heap")
    boolean heapOnly;
    @Option(names = "--vector-precision", defaultValue = "AUTO", description = "rows in memory: AUTO, INT8 or INT4 (default ${DEFAULT-VALUE})")
    VectorPrecision precision;

    // every gallery this run opens holds its rows this way (one bench run, one setting)
    private static VectorPrecision rows = VectorPrecision.AUTO;

    @Option(names = "--hold-s", description = "with --heap-only: keep the gallery open this many seconds after the answer"
            + " (for jcmd <pid> GC.class_histogram)")
    int holdSeconds;

    @Override
    public Integer call() throws Exception {
        rows = precision;
        if (heapOnly) {
            if (keep == null) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--heap-only needs --dir");
            }
            heapOnly(keep, n, dim, holdSeconds, System.out);
            return 0;
        }
        run(n, dim, !skipGraph, rounds, recall, keep, System.out);
        return 0;
    }

    static void run(int n, int dim, boolean graph, int rounds, boolean recall, Path keep, PrintStream out) throws Exception {
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("acgbot-startup-bench");
        try {
            ClusteredVectors data = new ClusteredVectors(dim, IndexBench.clusters(n), n, 42);
            ensureStore(dir, data, n, out);
            storeReads(dir.resolve("gallery.db"), out);
            float[][] queries = queries(data);
            out.printf(Locale.ROOT, "%-14s %10s %16s %14s %10s %18s%n", "mode", "open ms", "first search ms", "to answer ms", "heap MB",
                    "then p50/p99 ms");
            // the first open reads the store; its close writes vectors/<model>.i8v, .f16v and the hash file, which
            // later opens read
            deleteFiles(dir);
            measure("exact, store", options(dir, IndexMode.EXACT, dim), queries, out);
            measure("exact, file", options(dir, IndexMode.EXACT, dim), queries, out);
            List<List<String>> truth = recall ? FloatTruth.topK(data, n, queries, 10) : null;
            if (rounds > 0) {
                RerankComparison.run("exact", options(dir, IndexMode.EXACT, dim), queries, rounds, truth, out);
            }
            if (graph) {
                long t0 = System.nanoTime();
                try (Gallery g = Gallery.open(options(dir, IndexMode.APPROXIMATE, dim).build(), new OneClip(dim))) {
                    while (!"graph".equals(g.stats().indexKinds().get(CLIP))) {
                        TimeUnit.MILLISECONDS.sleep(200);
                    }
                }
                out.printf(Locale.ROOT, "graph built and persisted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                measure("graph, file", options(dir, IndexMode.APPROXIMATE, dim), queries, out);
                if (rounds > 0) {
                    RerankComparison.run("graph", options(dir, IndexMode.APPROXIMATE, dim), queries, rounds, truth, out);
                }
            }
        } finally {
            if (keep == null) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** 50 image and 50 text queries, alternating. */
    static float[][] queries(ClusteredVectors data) {
        return java.util.stream.IntStream.range(0, 100).mapToObj(i -> i % 2 == 0 ? data.imageQuery(i) : data.textQuery(i))
                .toArray(float[][]::new);
    }

    /** Writes the store unless {@code dir} already holds one (kept by an earlier {@code --dir} run). */
    private static void ensureStore(Path dir, ClusteredVectors data, int n, PrintStream out) throws Exception {
        Path db = dir.resolve("gallery.db");
        if (Files.exists(db)) {
            out.printf(Locale.ROOT, "reusing the store in %s (%,d MB)%n", dir, Files.size(db) >> 20);
            return;
        }
        long t0 = System.nanoTime();
        writeStore(db, data, n);
        out.printf(Locale.ROOT, "wrote %,d entries + %d-d fp16 embeddings in %.1f s (%,d MB)%n", n, data.dimension(),
                (System.nanoTime() - t0) / 1e9, Files.size(db) >> 20);
    }

    /** The vector, fp16 and hash files, so that the next open reads the store (a reused --dir has them). */
    private static void deleteFiles(Path dir) throws Exception {
        Path vectors = dir.resolve("vectors");
        if (Files.isDirectory(vectors)) {
            try (var files = Files.list(vectors)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Opens the kept gallery (exact mode) from its files, answers one search, prints the heap then in use and the
     * JVM's maximum; an {@code OutOfMemoryError} on the way is the answer "too small".
     */
    private static void heapOnly(Path dir, int n, int dim, int holdSeconds, PrintStream out) throws Exception {
        ClusteredVectors data = new ClusteredVectors(dim, IndexBench.clusters(n), n, 42);
        ensureStore(dir, data, n, out);
        if (!Files.isRegularFile(dir.resolve("vectors").resolve(CLIP + ".f16v"))) {
            // the files come from a first open of the store, which holds every embedding as floats meanwhile
            try (Gallery g = Gallery.open(options(dir, IndexMode.EXACT, dim).build(), new OneClip(dim))) {
                out.println("wrote the vector files (an open from the store)");
            }
        }
        long t0 = System.nanoTime();
        try (Gallery g = Gallery.open(options(dir, IndexMode.EXACT, dim).build(), new OneClip(dim))) {
            List<SearchHit> hits = g.searchByVector(CLIP, queries(data)[1], 10, SearchFilter.none());
            long answered = System.nanoTime();
            long heap = usedHeap();
            // RSS counts the pages of the mapped files (store, fp16 file) this process touched, as well as the heap
            out.printf(Locale.ROOT, "heap-only: %,d images, first answer (%d hits) %.0f ms after open started, heap in use %d MB,"
                            + " -Xmx %d MB, RSS %d MB (anonymous %d MB, file-backed %d MB; peak %d MB), load average %s%n",
                    g.stats().embeddings().get(CLIP), hits.size(), (answered - t0) / 1e6, heap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, dev.acgbot.bench.memory.ProcStatus.rss() >> 20,
                    dev.acgbot.bench.memory.ProcStatus.field("self", "RssAnon:") >> 20,
                    dev.acgbot.bench.memory.ProcStatus.field("self", "RssFile:") >> 20,
                    dev.acgbot.bench.memory.ProcStatus.hwm() >> 20, RerankComparison.loadAverage());
            out.println("  resident file mappings: " + residentFiles());
            if (holdSeconds > 0) {
                out.println("  holding the gallery open " + holdSeconds + " s, pid " + ProcessHandle.current().pid());
                out.flush();
                Thread.sleep(holdSeconds * 1000L);
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

    /** Resident MB per mapped file of this process ({@code /proc/self/smaps}), largest first: which files RSS holds. */
    private static String residentFiles() throws java.io.IOException {
        Map<String, Long> kb = new java.util.HashMap<>();
        String file = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && f[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                file = f.length >= 6 && f[5].startsWith("/") ? f[5] : null;
            } else if (file != null && f[0].equals("Rss:")) {
                kb.merge(file, Long.parseLong(f[1]), Long::sum);
            }
        }
        return kb.entrySet().stream().filter(e -> e.getValue() >= 1024).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> Path.of(e.getKey()).getFileName() + " " + (e.getValue() >> 10) + " MB")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static GalleryOptions.Builder options(Path dir, IndexMode mode, int dim) {
        return GalleryOptions.builder().dataDir(dir).clipModels(List.of(CLIP)).indexMode(mode).vectorPrecision(rows);
    }

    /** Open, first answer, heap after it, then the gallery's own search latency (re-rank from the store included). */
    private static void measure(String mode, GalleryOptions.Builder opts, float[][] queries, PrintStream out) throws Exception {
        usedHeap();
        long t0 = System.nanoTime();
        Gallery g = Gallery.open(opts.build(), new OneClip(queries[0].length));
        try {
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
        } finally {
            long c0 = System.nanoTime();
            g.close();
            out.printf(Locale.ROOT, "  close %.0f ms (writes the vector, fp16 and hash files when the store moved on or they are missing)%n",
                    (System.nanoTime() - c0) / 1e6);
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

    static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** One CLIP image model of the bench's dimension; the bench never embeds, it searches by vector. */
    public record OneClip(int dim) implements Inference {
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
