package dev.acgbot.bench.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.acgbot.gallery.EmbeddingEncoding;
import dev.acgbot.gallery.search.GraphIndex;
import dev.acgbot.gallery.search.GraphParams;
import dev.acgbot.gallery.search.Int4Matrix;
import dev.acgbot.gallery.search.Int8Matrix;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.Rescorer;
import dev.acgbot.gallery.search.VectorIndex;
import dev.acgbot.gallery.search.VectorIndexes;
import dev.acgbot.gallery.search.VectorMatrix;
import dev.acgbot.bench.cli.Python;
import dev.acgbot.testkit.ClusteredVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * {@code ./acgbot bench index}: the gallery's exact and graph search against faiss on the very same
 * clustered vectors ({@link ClusteredVectors}), in the same run on the same machine, with the machine's
 * memory read bandwidth measured alongside as the exact scan's limit. Prints a table, writes JSON.
 * The faiss side needs Debian's python3-faiss and python3-numpy; when they are missing the bench says how to
 * install them and exits 2 before any work ({@code --no-faiss} runs the Java side alone).
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Exact and graph vector search against faiss on the same clustered vectors.")
public final class IndexBench implements Callable<Integer> {
    private static final int K = 10;

    @Option(names = "--quick", description = "100k vectors, graph M=16 efConstruction=64 (a few minutes on 2 cores); default 1M, efConstruction 100")
    boolean quick;
    @Option(names = "--n", description = "number of vectors (default 1,000,000; 100,000 with --quick)")
    Integer n;
    @Option(names = "--dim", defaultValue = "512", description = "dimension (default ${DEFAULT-VALUE})")
    int dim;
    @Option(names = "--queries", defaultValue = "200", description = "image and text queries each (default ${DEFAULT-VALUE})")
    int queries;
    @Option(names = "--m", defaultValue = "16", description = "graph degree M (default ${DEFAULT-VALUE})")
    int m;
    @Option(names = "--ef-construction", description = "graph efConstruction (default 100; 64 with --quick)")
    Integer efConstruction;
    @Option(names = "--ef-search", split = ",", defaultValue = "10,16,24,32,48,64,96,128,192,256",
            description = "efSearch values to sweep (default ${DEFAULT-VALUE})")
    int[] efSearch;
    @Option(names = "--threads", description = "search threads (default: every core)")
    Integer threads;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
    Path json;
    @Option(names = "--work-dir", paramLabel = "DIR", description = "where the .npy files go (default: a temp dir, deleted afterwards)")
    Path workDir;
    @Option(names = "--no-faiss", description = "skip the faiss side")
    boolean noFaiss;
    @Option(names = "--skip-graph", description = "exact search only (both sides)")
    boolean skipGraph;
    @Option(names = "--float-graph", description = "build and search the graph over float32 rows (before issue 15); default: int8 rows"
            + " with the gallery's re-rank of the best candidates at fp16, as the gallery does")
    boolean floatGraph;
    @Option(names = "--no-int4-graph", description = "skip the second graph, built and searched over 4-bit rows")
    boolean noInt4Graph;
    @Option(names = "--python", paramLabel = "EXE", defaultValue = Python.DEFAULT,
            description = "interpreter with faiss and numpy (default ${DEFAULT-VALUE})")
    String python;

    /** @param faiss the interpreter for the faiss side, or null without it */
    record Config(int n, int dim, int queries, int m, int efConstruction, int[] efSearch, int threads,
                  Path json, Python faiss, Path workDir, boolean graph, boolean int8Graph, boolean int4Graph) {
        boolean withFaiss() {
            return faiss != null;
        }
    }

    @Override
    public Integer call() throws Exception {
        return run(config(), System.out);
    }

    Config config() {
        return new Config(n != null ? n : quick ? 100_000 : 1_000_000, dim, queries, m,
                efConstruction != null ? efConstruction : quick ? 64 : 100, efSearch,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), json,
                noFaiss ? null : new Python(python), workDir, !skipGraph, !floatGraph, !noInt4Graph);
    }

    static int run(Config c, PrintStream out) throws Exception {
        if (c.withFaiss()) {
            // before any work: a missing faiss is an install hint and exit 2, never an install
            c.faiss().require("bench index's faiss side", "or pass --no-faiss", Python.NUMPY, Python.FAISS);
            if (!Files.isDirectory(Path.of("/usr/lib/x86_64-linux-gnu/openblas-pthread"))) {
                out.println("note: libopenblas0-pthread is not installed, so faiss's batch figures run on a single-threaded"
                        + " BLAS (the documented runs had it: sudo apt-get install libopenblas0-pthread)");
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("n", c.n());
        result.put("dim", c.dim());
        result.put("queries_per_kind", c.queries());
        result.put("threads", c.threads());
        result.put("java", Runtime.version().toString());
        // 2 shared cores: every figure is read against the load it ran under (1, 5, 15 min averages)
        result.put("load_average_start", loadAverage());
        out.println("load average at start: " + result.get("load_average_start"));
        result.put("simulation", Map.of("clusters", clusters(c.n()), "images_per_sub_centre", ClusteredVectors.PER_SUB,
                "sub_spread", ClusteredVectors.SUB_SPREAD, "image_noise", ClusteredVectors.IMAGE_NOISE,
                "text_gap", ClusteredVectors.GAP, "text_noise", ClusteredVectors.TEXT_NOISE));
        Path dir = c.workDir() != null ? Files.createDirectories(c.workDir()) : Files.createTempDirectory("acgbot-index-bench");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, c.threads() - 1), r -> {
            Thread t = new Thread(r, "bench-search");
            t.setDaemon(true);
            return t;
        });
        try {
            out.printf(Locale.ROOT, "index bench: %,d x %d, %d threads, %d image + %d text queries%n", c.n(), c.dim(), c.threads(), c.queries(), c.queries());
            ClusteredVectors data = new ClusteredVectors(c.dim(), clusters(c.n()), c.n(), 42);
            long t0 = System.nanoTime();
            VectorMatrix matrix = generate(data, c, dir);
            float[][] qi = IntStream.range(0, c.queries()).mapToObj(data::imageQuery).toArray(float[][]::new);
            float[][] qt = IntStream.range(0, c.queries()).mapToObj(data::textQuery).toArray(float[][]::new);
            writeQueries(dir.resolve("query_image.npy"), qi);
            writeQueries(dir.resolve("query_text.npy"), qt);
            out.printf(Locale.ROOT, "generated and wrote vectors in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            VectorMatrix.View view = matrix.view();

            double bandwidth = bandwidth(pool, c.threads());
            double streamMs = view.bytes() / bandwidth * 1000;
            result.put("memory_read_bandwidth_gb_s", bandwidth / 1e9);
            result.put("matrix_stream_ms", streamMs);
            out.printf(Locale.ROOT, "memory read bandwidth %.1f GB/s: streaming the %,d MB matrix takes %.2f ms%n",
                    bandwidth / 1e9, view.bytes() >> 20, streamMs);

            Map<String, Object> faiss = c.withFaiss() ? runFaiss(c, dir, out) : null;
            VectorIndex exact = VectorIndexes.exact(view, pool, c.threads());
            List<List<Neighbor>> truthImage = exact.searchBatch(qi, K, VectorIndex.ALL);
            List<List<Neighbor>> truthText = exact.searchBatch(qt, K, VectorIndex.ALL);

            Map<String, Object> ex = new LinkedHashMap<>();
            ex.put("memory_bytes", view.bytes());
            double[] single = latencies(exact, qi);
            ex.put("single_p50_ms", single[0]);
            ex.put("single_p99_ms", single[1]);
            ex.put("batch16_per_query_ms", batchPerQuery(exact, concat(qi, qt), 16));
            if (faiss != null) {
                ex.put("recall_vs_faiss_image", recallIds(truthImage, Npy.readLongs(dir.resolve("flat_ids_image.npy"))));
                ex.put("recall_vs_faiss_text", recallIds(truthText, Npy.readLongs(dir.resolve("flat_ids_text.npy"))));
            }
            result.put("exact", ex);
            long q0 = System.nanoTime();
            Int8Matrix.View bytes = Int8Matrix.of(view).view();
            double quantiseS = (System.nanoTime() - q0) / 1e9;
            Rescorer fp16 = fp16Rescorer(view);
            Map<String, Object> int8 = int8Scan(bytes, fp16, qi, qt, truthImage, truthText, bandwidth, pool, c.threads(), out);
            int8.put("quantise_s", quantiseS);
            result.put("int8", int8);
            q0 = System.nanoTime();
            Int4Matrix.View nibbles = Int4Matrix.of(view).view();
            double quantise4S = (System.nanoTime() - q0) / 1e9;
            Map<String, Object> int4 = int4Scan(nibbles, fp16, qi, qt, truthImage, truthText, bandwidth, pool, c.threads(), out);
            int4.put("quantise_s", quantise4S);
            result.put("int4", int4);
            result.put("storage_encoding", encodingCost(view, qi, qt, pool, c.threads()));

            if (!c.graph()) {
                if (faiss != null) {
                    result.put("faiss", faiss);
                }
                result.put("load_average_end", loadAverage());
                printTable(result, out);
                writeJson(c, result, out);
                return 0;
            }
            Map<String, Object> ann = new LinkedHashMap<>();
            GraphParams params = new GraphParams(c.m(), c.efConstruction(), c.efSearch()[0]);
            long heapBefore = usedHeap();
            t0 = System.nanoTime();
            GraphIndex graph = VectorIndexes.buildGraph(c.int8Graph() ? bytes : view, params, c.threads());
            ann.put("rows", c.int8Graph() ? "int8, re-rank depth " + VectorIndexes.DEFAULT_RERANK_DEPTH + " at fp16" : "float32");
            ann.put("build_s", (System.nanoTime() - t0) / 1e9);
            ann.put("heap_growth_bytes", Math.max(0, usedHeap() - heapBefore));
            // the graph's own arrays: heap growth also counts what the build left for the collector
            ann.put("memory_bytes", graph.memoryBytes());
            ann.put("m", c.m());
            ann.put("ef_construction", c.efConstruction());
            out.printf(Locale.ROOT, "graph built in %.1f s%n", (double) ann.get("build_s"));
            Rescorer rerank = c.int8Graph() ? fp16 : null;
            ann.put("sweep", graphSweep(c.int8Graph() ? "graph (int8 rows)" : "graph (float32 rows)", graph, rerank, VectorIndexes.DEFAULT_RERANK_DEPTH, c, qi, qt, truthImage, truthText, out));
            result.put("graph", ann);
            if (c.int4Graph()) {
                result.put("graph_int4", int4Graph(nibbles, fp16, params, c, qi, qt, truthImage, truthText, out));
            }

            if (faiss != null) {
                result.put("faiss", faiss);
            }
            result.put("load_average_end", loadAverage());
            printTable(result, out);
            writeJson(c, result, out);
            return 0;
        } finally {
            pool.shutdownNow();
            if (c.workDir() == null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    /** The graph searched at every efSearch of the sweep; with a rescorer its best {@code depth} re-ranked. */
    private static List<Map<String, Object>> graphSweep(String label, GraphIndex graph, Rescorer rescorer, int depth, Config c, float[][] qi, float[][] qt,
                                                        List<List<Neighbor>> truthImage, List<List<Neighbor>> truthText, PrintStream out) {
        List<Map<String, Object>> sweep = new ArrayList<>();
        for (int ef : c.efSearch()) {
            VectorIndex g = rescorer != null ? reranked(graph.withEfSearch(ef), rescorer, depth) : graph.withEfSearch(ef);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ef_search", ef);
            for (String kind : List.of("image", "text")) {
                float[][] q = kind.equals("image") ? qi : qt;
                List<List<Neighbor>> truth = kind.equals("image") ? truthImage : truthText;
                List<List<Neighbor>> found = new ArrayList<>();
                for (float[] v : q) {
                    found.add(g.search(v, K, VectorIndex.ALL));
                }
                row.put("recall_" + kind, recall(found, truth));
                double[] lat = latencies(g, q, causes -> causes.putInto(row, kind));
                row.put("p50_ms_" + kind, lat[0]);
                row.put("p99_ms_" + kind, lat[1]);
                row.put("p999_ms_" + kind, lat[2]);
            }
            out.printf(Locale.ROOT, "%s ef=%d %s%n", label, ef, row);
            sweep.add(row);
        }
        return sweep;
    }

    /** The same graph parameters over 4-bit rows: built on 4-bit scores, walked on them, its best candidates re-ranked at fp16. */
    private static Map<String, Object> int4Graph(Int4Matrix.View nibbles, Rescorer fp16, GraphParams params, Config c, float[][] qi, float[][] qt,
                                                 List<List<Neighbor>> truthImage, List<List<Neighbor>> truthText, PrintStream out) {
        Map<String, Object> g4 = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        GraphIndex graph = VectorIndexes.buildGraph(nibbles, params, c.threads());
        g4.put("rows", "int4, re-rank depth " + VectorIndexes.DEFAULT_INT4_RERANK_DEPTH + " at fp16");
        g4.put("build_s", (System.nanoTime() - t0) / 1e9);
        g4.put("memory_bytes", graph.memoryBytes());
        out.printf(Locale.ROOT, "int4 graph built in %.1f s%n", (double) g4.get("build_s"));
        g4.put("sweep", graphSweep("graph (int4 rows)", graph, fp16, VectorIndexes.DEFAULT_INT4_RERANK_DEPTH, c, qi, qt, truthImage, truthText, out));
        return g4;
    }

    /** /proc/loadavg's three averages, or an empty list where there is none. */
    static List<Double> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Re-rank depths swept; the gallery's default is among them. */
    static final int[] RERANK_DEPTHS = {10, 20, 50, VectorIndexes.DEFAULT_RERANK_DEPTH, 200};

    /**
     * The int8 matrix with full-precision re-ranking: its memory, recall@10 against the float32 scan for each
     * re-rank depth, and the scan's speed against streaming the int8 matrix once. Re-ranking reads fp16 values,
     * as the gallery store holds them, so the recall includes the store's rounding.
     */
    private static Map<String, Object> int8Scan(Int8Matrix.View bytes, Rescorer fp16, float[][] qi, float[][] qt, List<List<Neighbor>> truthImage,
                                                List<List<Neighbor>> truthText, double bandwidth, ExecutorService pool, int threads,
                                                PrintStream out) {
        return rerankedScan("int8", bytes.bytes(), bytes.size(), depth -> VectorIndexes.exactInt8(bytes, fp16, depth, pool, threads),
                RERANK_DEPTHS, VectorIndexes.DEFAULT_RERANK_DEPTH, qi, qt, truthImage, truthText, bandwidth, out);
    }

    /** Re-rank depths swept over 4-bit rows. */
    static final int[] INT4_RERANK_DEPTHS = {10, 20, 30, 50, VectorIndexes.DEFAULT_INT4_RERANK_DEPTH, 200};

    /** {@link #int8Scan} over 4-bit rows: recall per re-rank depth, speed against streaming the 4-bit matrix once. */
    private static Map<String, Object> int4Scan(Int4Matrix.View nibbles, Rescorer fp16, float[][] qi, float[][] qt, List<List<Neighbor>> truthImage,
                                                List<List<Neighbor>> truthText, double bandwidth, ExecutorService pool, int threads,
                                                PrintStream out) {
        return rerankedScan("int4", nibbles.bytes(), nibbles.size(), depth -> VectorIndexes.exactInt4(nibbles, fp16, depth, pool, threads),
                INT4_RERANK_DEPTHS, VectorIndexes.DEFAULT_INT4_RERANK_DEPTH, qi, qt, truthImage, truthText, bandwidth, out);
    }

    /** One quantised row format's sweep over re-rank depths, then its default depth's single and batch speed. */
    private static Map<String, Object> rerankedScan(String format, long bytes, int rows, IntFunction<VectorIndex> atDepth, int[] depths,
                                                    int defaultDepth, float[][] qi, float[][] qt, List<List<Neighbor>> truthImage,
                                                    List<List<Neighbor>> truthText, double bandwidth, PrintStream out) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("memory_bytes", bytes);
        r.put("bytes_per_row", (double) bytes / rows);
        r.put("matrix_stream_ms", bytes / bandwidth * 1000);
        List<Map<String, Object>> sweep = new ArrayList<>();
        for (int depth : depths) {
            VectorIndex idx = atDepth.apply(depth);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("depth", depth);
            row.put("recall_image", recall(idx.searchBatch(qi, K, VectorIndex.ALL), truthImage));
            row.put("recall_text", recall(idx.searchBatch(qt, K, VectorIndex.ALL), truthText));
            double[] lat = latencies(idx, qi);
            row.put("single_p50_ms", lat[0]);
            row.put("single_p99_ms", lat[1]);
            out.printf(Locale.ROOT, "%s depth=%d %s%n", format, depth, row);
            sweep.add(row);
        }
        r.put("sweep", sweep);
        VectorIndex idx = atDepth.apply(defaultDepth);
        double[] single = latencies(idx, concat(qi, qt));
        r.put("default_depth", defaultDepth);
        r.put("single_p50_ms", single[0]);
        r.put("single_p99_ms", single[1]);
        r.put("batch16_per_query_ms", batchPerQuery(idx, concat(qi, qt), 16));
        return r;
    }

    /** Scores as the gallery's re-rank gets them: from fp16 values, as its store holds them. */
    private static Rescorer fp16Rescorer(VectorMatrix.View view) {
        return (query, row) -> {
            float[] chunk = view.chunkOf(row);
            int off = view.offsetOf(row);
            float s = 0f;
            for (int d = 0; d < query.length; d++) {
                s += Float.float16ToFloat(Float.floatToFloat16(chunk[off + d])) * query[d];
            }
            return s;
        };
    }

    /** A graph over int8 rows searched as the gallery does: its best {@code depth} re-ranked at full precision. */
    private static VectorIndex reranked(GraphIndex graph, Rescorer rescorer, int depth) {
        return new VectorIndex() {
            @Override
            public int dimension() {
                return graph.dimension();
            }

            @Override
            public int size() {
                return graph.size();
            }

            @Override
            public String kind() {
                return graph.kind() + "-reranked";
            }

            @Override
            public List<Neighbor> search(float[] query, int k, java.util.function.IntPredicate accept) {
                List<Neighbor> out = new ArrayList<>();
                for (Neighbor n : graph.search(query, Math.max(k, depth), accept)) {
                    out.add(new Neighbor(n.ordinal(), rescorer.score(query, n.ordinal())));
                }
                out.sort((a, b) -> Float.compare(b.score(), a.score()));
                return List.copyOf(out.subList(0, Math.min(k, out.size())));
            }
        };
    }

    private static void writeJson(Config c, Map<String, Object> result, PrintStream out) throws IOException {
        if (c.json() != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(c.json().toFile(), result);
            out.println("wrote " + c.json());
        }
    }

    static int clusters(int n) {
        return Math.max(10, n / 1000);
    }

    /** Rows generated in parallel a chunk at a time, appended to the matrix and streamed to base.npy. */
    private static VectorMatrix generate(ClusteredVectors data, Config c, Path dir) throws IOException {
        VectorMatrix matrix = new VectorMatrix(c.dim());
        try (Npy.FloatWriter npy = new Npy.FloatWriter(dir.resolve("base.npy"), c.n(), c.dim())) {
            for (int from = 0; from < c.n(); from += VectorMatrix.CHUNK_ROWS) {
                int start = from;
                float[][] rows = IntStream.range(from, Math.min(c.n(), from + VectorMatrix.CHUNK_ROWS)).parallel()
                        .mapToObj(i -> data.image(i)).toArray(float[][]::new);
                for (float[] r : rows) {
                    matrix.append(r);
                    npy.write(r);
                }
                if (start % (VectorMatrix.CHUNK_ROWS * 32) == 0 && start > 0) {
                    System.err.printf(Locale.ROOT, "  generated %,d%n", start);
                }
            }
        }
        return matrix;
    }

    private static void writeQueries(Path file, float[][] q) throws IOException {
        try (Npy.FloatWriter npy = new Npy.FloatWriter(file, q.length, q[0].length)) {
            for (float[] v : q) {
                npy.write(v);
            }
        }
    }

    /** Best of five parallel read passes over a 512 MiB array, with the scan's thread layout and loads. */
    static double bandwidth(ExecutorService pool, int threads) throws Exception {
        float[] buf = new float[128 << 20];
        Arrays.fill(buf, 1f);
        double best = 0;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            List<Future<Float>> parts = new ArrayList<>();
            int n = buf.length;
            for (int p = 1; p < threads; p++) {
                int from = (int) ((long) n * p / threads), to = (int) ((long) n * (p + 1) / threads);
                parts.add(pool.submit(() -> Bandwidth.sum(buf, from, to)));
            }
            float s = Bandwidth.sum(buf, 0, n / threads);
            for (Future<Float> f : parts) {
                s += f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (s != n) {
                throw new IllegalStateException("bandwidth pass summed " + s);
            }
            best = Math.max(best, (double) n * 4 / secs);
        }
        return best;
    }

    private static Map<String, Object> runFaiss(Config c, Path dir, PrintStream out) throws Exception {
        Path script = dir.resolve("faiss_bench.py");
        try (InputStream in = IndexBench.class.getResourceAsStream("faiss_bench.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String efs = Arrays.stream(c.efSearch()).mapToObj(Integer::toString).reduce((a, b) -> a + "," + b).orElseThrow();
        out.println("running faiss (python3-faiss) on the same vectors...");
        ProcessBuilder pb = new ProcessBuilder(c.faiss().executable(), script.toString(), dir.toString(),
                Integer.toString(c.threads()), Integer.toString(c.graph() ? c.m() : 0), Integer.toString(c.efConstruction()), efs)
                .redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(c.threads()));
        pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(c.threads()));
        Process p = pb.start();
        p.getInputStream().transferTo(out);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("faiss side failed with exit code " + p.exitValue());
        }
        JsonNode node = new ObjectMapper().readTree(dir.resolve("faiss.json").toFile());
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new ObjectMapper().convertValue(node, Map.class);
        return map;
    }

    /** p50 and p99 of single queries, after a warm-up. */
    private static double[] latencies(VectorIndex index, float[][] queries) {
        return latencies(index, queries, null);
    }

    /**
     * p50, p99 and p99.9 of single queries, after a warm-up; with {@code why} also what the slowest queries
     * coincided with ({@link TailCauses}); every probe is read outside the timed call.
     */
    private static double[] latencies(VectorIndex index, float[][] queries, Consumer<TailCauses> why) {
        for (int i = 0; i < Math.min(20, queries.length); i++) {
            index.search(queries[i], K, VectorIndex.ALL);
        }
        double[] ms = new double[queries.length];
        long[] gcs = new long[queries.length];
        long[] jitMs = new long[queries.length];
        double[] cpuMs = new double[queries.length];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var jit = ManagementFactory.getCompilationMXBean();
        long allocated = 0;
        for (int i = 0; i < queries.length; i++) {
            long gc0 = gcCount();
            long jit0 = jit.getTotalCompilationTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long alloc0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            index.search(queries[i], K, VectorIndex.ALL);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            allocated += threads.getCurrentThreadAllocatedBytes() - alloc0;
            // this thread's CPU time: the wall time less what the OS gave to other threads (2 shared cores)
            cpuMs[i] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
            jitMs[i] = jit.getTotalCompilationTime() - jit0;
            gcs[i] = gcCount() - gc0;
        }
        if (why != null) {
            why.accept(TailCauses.of(ms, cpuMs, gcs, jitMs, allocated));
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[]{percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 99.9)};
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    static double percentile(double[] sorted, double p) {
        // linear interpolation, as numpy.percentile
        double pos = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static double batchPerQuery(VectorIndex index, float[][] queries, int batch) {
        int n = queries.length / batch * batch;
        index.searchBatch(Arrays.copyOfRange(queries, 0, batch), K, VectorIndex.ALL);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i += batch) {
            index.searchBatch(Arrays.copyOfRange(queries, i, i + batch), K, VectorIndex.ALL);
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    private static float[][] concat(float[][] a, float[][] b) {
        float[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static double recall(List<List<Neighbor>> found, List<List<Neighbor>> truth) {
        long hits = 0;
        for (int q = 0; q < truth.size(); q++) {
            Set<Integer> t = new HashSet<>();
            truth.get(q).forEach(n -> t.add(n.ordinal()));
            hits += found.get(q).stream().filter(n -> t.contains(n.ordinal())).count();
        }
        return (double) hits / (truth.size() * K);
    }

    private static double recallIds(List<List<Neighbor>> found, long[][] truth) {
        long hits = 0;
        for (int q = 0; q < truth.length; q++) {
            Set<Long> t = new HashSet<>();
            for (long id : truth[q]) {
                t.add(id);
            }
            hits += found.get(q).stream().filter(n -> t.contains((long) n.ordinal())).count();
        }
        return (double) hits / (truth.length * K);
    }

    /**
     * What storing embeddings compactly costs: recall@10 of an exact search over vectors decoded from each
     * encoding against float32, on (up to) the first 100k rows.
     */
    private static Map<String, Object> encodingCost(VectorMatrix.View view, float[][] qi, float[][] qt,
                                                    ExecutorService pool, int threads) {
        int n = Math.min(view.size(), 100_000);
        VectorMatrix f32 = new VectorMatrix(view.dimension());
        for (int r = 0; r < n; r++) {
            f32.append(view.row(r));
        }
        VectorIndex base = VectorIndexes.exact(f32.view(), pool, threads);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", n);
        for (EmbeddingEncoding enc : EmbeddingEncoding.values()) {
            VectorMatrix m = new VectorMatrix(view.dimension());
            for (int r = 0; r < n; r++) {
                m.append(enc.roundTrip(view.row(r)));
            }
            VectorIndex idx = VectorIndexes.exact(m.view(), pool, threads);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("bytes_per_vector", enc.storedBytes(view.dimension()));
            e.put("recall_image", recall(idx.searchBatch(qi, K, VectorIndex.ALL), base.searchBatch(qi, K, VectorIndex.ALL)));
            e.put("recall_text", recall(idx.searchBatch(qt, K, VectorIndex.ALL), base.searchBatch(qt, K, VectorIndex.ALL)));
            out.put(enc.name().toLowerCase(Locale.ROOT), e);
        }
        return out;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    // ---- report ----

    @SuppressWarnings("unchecked")
    private static void printTable(Map<String, Object> r, PrintStream out) {
        Map<String, Object> ex = (Map<String, Object>) r.get("exact");
        Map<String, Object> g = (Map<String, Object>) r.get("graph");
        Map<String, Object> f = (Map<String, Object>) r.get("faiss");
        double stream = (double) r.get("matrix_stream_ms");
        out.println();
        out.println("load average (1/5/15 min) at start " + r.get("load_average_start") + ", at end " + r.get("load_average_end"));
        out.printf(Locale.ROOT, "%-40s %12s %12s %8s  %s%n", "metric", "acgbot", "faiss", "ratio", "goal");
        row(out, "exact build (load matrix) s", null, f == null ? null : num(f, "flat_build_s"), "");
        row(out, "exact memory MB", (double) (long) ex.get("memory_bytes") / (1 << 20), f == null ? null : num(f, "flat_memory_bytes") / (1 << 20), "");
        double p50 = (double) ex.get("single_p50_ms");
        row(out, "exact single query p50 ms", p50, f == null ? null : num(f, "flat_single_p50_ms"), "");
        row(out, "exact single query p99 ms", (double) ex.get("single_p99_ms"), f == null ? null : num(f, "flat_single_p99_ms"), "");
        out.printf(Locale.ROOT, "%-40s %12.2f %12s %8.2f  %s%n", "exact p50 vs bandwidth limit ms", p50, String.format(Locale.ROOT, "%.2f", stream),
                p50 / stream, p50 <= 1.2 * stream ? "<= 1.2x limit: met" : "<= 1.2x limit: MISSED by " + pct(p50 / (1.2 * stream) - 1));
        double b16 = (double) ex.get("batch16_per_query_ms");
        Double fb16 = f == null ? null : num(f, "flat_batch16_per_query_ms");
        row(out, "exact batch-16 per query ms", b16, fb16, fb16 == null ? "" : b16 <= fb16 ? "<= faiss: met" : "<= faiss: MISSED by " + pct(b16 / fb16 - 1));
        printInt8(r, f, g, out);
        printInt4(r, f, out);
        if (ex.containsKey("recall_vs_faiss_image")) {
            row(out, "exact recall@10 vs faiss flat (image)", (double) ex.get("recall_vs_faiss_image"), 1.0, "");
            row(out, "exact recall@10 vs faiss flat (text)", (double) ex.get("recall_vs_faiss_text"), 1.0, "");
        }
        if (g == null) {
            printEncodings(r, out);
            return;
        }
        out.printf(Locale.ROOT, "%-40s %12s%n", "graph rows", g.get("rows"));
        row(out, "graph build s", (double) g.get("build_s"), f == null ? null : num(f, "hnsw_build_s"), "");
        row(out, "graph memory MB (beyond vectors)", (double) (long) g.get("memory_bytes") / (1 << 20),
                f == null ? null : num(f, "hnsw_memory_bytes") / (1 << 20), "faiss: graph + its own vector copy (RSS growth)");
        out.printf(Locale.ROOT, "%-40s %12s%n", "graph bytes per node", fmt((double) (long) g.get("memory_bytes") / (int) r.get("n")));
        for (String kind : List.of("image", "text")) {
            Map<String, Object> ours = firstAtRecall((List<Map<String, Object>>) g.get("sweep"), kind, 0.95);
            Map<String, Object> theirs = f == null ? null : firstAtRecall((List<Map<String, Object>>) f.get("hnsw_sweep"), kind, 0.95);
            String label = "graph " + kind + "->image @recall>=0.95";
            if (ours == null) {
                out.printf(Locale.ROOT, "%-40s %12s%n", label, "not reached");
                continue;
            }
            double p99 = num(ours, "p99_ms_" + kind);
            out.printf(Locale.ROOT, "%-40s %12s %12s%n", label + " ef", num(ours, "ef_search").intValue() + " (r " + fmt(num(ours, "recall_" + kind)) + ")",
                    theirs == null ? "not reached" : num(theirs, "ef_search").intValue() + " (r " + fmt(num(theirs, "recall_" + kind)) + ")");
            row(out, "  p50 ms", num(ours, "p50_ms_" + kind), theirs == null ? null : num(theirs, "p50_ms_" + kind), "");
            row(out, "  p99 ms", p99, theirs == null ? null : num(theirs, "p99_ms_" + kind),
                    (p99 <= 10 ? "p99 <= 10 ms: met" : "p99 <= 10 ms: MISSED by " + pct(p99 / 10 - 1))
                            + (theirs == null ? "" : p99 <= num(theirs, "p99_ms_" + kind) ? "; <= faiss: met" : "; <= faiss: MISSED"));
            Double p999 = num(ours, "p999_ms_" + kind);
            row(out, "  p99.9 ms", p999, theirs == null ? null : num(theirs, "p999_ms_" + kind), "(reported; 1 in 1000 queries)");
            // on-CPU time of the searching thread: what is left of the tail once time the OS gave others is taken out
            row(out, "  on-CPU p99 / p99.9 ms", num(ours, "cpu_p99_ms_" + kind), theirs == null ? null : num(theirs, "cpu_p99_ms_" + kind), "");
            row(out, "", num(ours, "cpu_p999_ms_" + kind), theirs == null ? null : num(theirs, "cpu_p999_ms_" + kind), "");
            out.printf(Locale.ROOT, "  queries > 3x p50: %s, of them during a GC %s, JIT %s, mostly off-CPU %s; %s B allocated per query%n",
                    ours.get("slow_queries_" + kind), ours.get("slow_with_gc_" + kind), ours.get("slow_with_jit_" + kind),
                    ours.get("slow_mostly_off_cpu_" + kind), ours.get("alloc_bytes_per_query_" + kind));
        }
        printEncodings(r, out);
    }

    @SuppressWarnings("unchecked")
    private static void printInt4(Map<String, Object> r, Map<String, Object> f, PrintStream out) {
        Map<String, Object> q = (Map<String, Object>) r.get("int4");
        Map<String, Object> g4 = (Map<String, Object>) r.get("graph_int4");
        int n = (int) r.get("n");
        double vectorBytes = num(q, "memory_bytes");
        row(out, "int4 vectors memory MB", vectorBytes / (1 << 20), f == null ? null : num(f, "flat_memory_bytes") / (1 << 20), "vs float32 flat");
        if (g4 != null) {
            double graphBytes = num(g4, "memory_bytes");
            // 1M = bytes per row x 1M + graph bytes per node x 1M (both linear in n), decimal GB as the goal is written
            double perMillion = (vectorBytes / n + graphBytes / n) * 1_000_000 / 1e9;
            out.printf(Locale.ROOT, "%-40s %12s %12s %8s  %s%n", "int4 vectors + graph MB", fmt((vectorBytes + graphBytes) / (1 << 20)), "-", "-",
                    String.format(Locale.ROOT, "1M: %.0f B/row + %.0f B/node = %.3f GB, <= 0.6 GB: %s", vectorBytes / n, graphBytes / n,
                            perMillion, perMillion <= 0.6 ? "met" : "MISSED by " + pct(perMillion / 0.6 - 1)));
        }
        for (Map<String, Object> d : (List<Map<String, Object>>) q.get("sweep")) {
            double ri = num(d, "recall_image"), rt = num(d, "recall_text");
            boolean isDefault = num(d, "depth").intValue() == num(q, "default_depth").intValue();
            out.printf(Locale.ROOT, "%-40s %12s %12s %8s  %s%n", "int4 recall@10 img/txt, depth " + num(d, "depth").intValue()
                            + (isDefault ? "*" : ""), fmt(ri) + "/" + fmt(rt), "-", "-",
                    (ri >= 0.995 && rt >= 0.995 ? ">= 0.995: met" : ">= 0.995: MISSED") + (isDefault ? " (* the default depth)" : "") + ", p50 " + fmt(num(d, "single_p50_ms")) + " ms");
        }
        double p50 = num(q, "single_p50_ms"), stream = num(q, "matrix_stream_ms");
        row(out, "int4 single query p50 ms", p50, f == null ? null : num(f, "flat_single_p50_ms"), "");
        row(out, "int4 single query p99 ms", num(q, "single_p99_ms"), f == null ? null : num(f, "flat_single_p99_ms"), "");
        out.printf(Locale.ROOT, "%-40s %12.2f %12s %8.2f  %s%n", "int4 p50 vs int4 stream limit ms", p50, String.format(Locale.ROOT, "%.2f", stream),
                p50 / stream, p50 <= 1.2 * stream ? "<= 1.2x limit: met" : "<= 1.2x limit: MISSED by " + pct(p50 / (1.2 * stream) - 1));
        double b16 = num(q, "batch16_per_query_ms");
        Double fb16 = f == null ? null : num(f, "flat_batch16_per_query_ms");
        row(out, "int4 batch-16 per query ms", b16, fb16, fb16 == null ? "" : b16 <= fb16 ? "<= faiss: met" : "<= faiss: MISSED by " + pct(b16 / fb16 - 1));
        if (g4 == null) {
            return;
        }
        row(out, "int4 graph build s", num(g4, "build_s"), f == null ? null : num(f, "hnsw_build_s"), "");
        out.printf(Locale.ROOT, "%-40s %12s%n", "int4 graph bytes per node", fmt(num(g4, "memory_bytes") / n));
        for (String kind : List.of("image", "text")) {
            Map<String, Object> ours = firstAtRecall((List<Map<String, Object>>) g4.get("sweep"), kind, 0.95);
            Map<String, Object> theirs = f == null ? null : firstAtRecall((List<Map<String, Object>>) f.get("hnsw_sweep"), kind, 0.95);
            String label = "int4 graph " + kind + "->image @recall>=0.95";
            if (ours == null) {
                out.printf(Locale.ROOT, "%-40s %12s%n", label, "not reached");
                continue;
            }
            out.printf(Locale.ROOT, "%-40s %12s %12s%n", label + " ef", num(ours, "ef_search").intValue() + " (r " + fmt(num(ours, "recall_" + kind)) + ")",
                    theirs == null ? "not reached" : num(theirs, "ef_search").intValue() + " (r " + fmt(num(theirs, "recall_" + kind)) + ")");
            double p50g = num(ours, "p50_ms_" + kind), p99 = num(ours, "p99_ms_" + kind);
            row(out, "  p50 ms", p50g, theirs == null ? null : num(theirs, "p50_ms_" + kind),
                    theirs == null ? "" : p50g <= num(theirs, "p50_ms_" + kind) ? "ahead of faiss: met" : "ahead of faiss: MISSED");
            row(out, "  p99 ms", p99, theirs == null ? null : num(theirs, "p99_ms_" + kind),
                    theirs == null ? "" : p99 <= num(theirs, "p99_ms_" + kind) ? "<= faiss: met" : "<= faiss: MISSED");
            row(out, "  p99.9 ms", num(ours, "p999_ms_" + kind), theirs == null ? null : num(theirs, "p999_ms_" + kind), "");
            row(out, "  on-CPU p99 ms", num(ours, "cpu_p99_ms_" + kind), theirs == null ? null : num(theirs, "cpu_p99_ms_" + kind), "");
        }
    }

    @SuppressWarnings("unchecked")
    private static void printInt8(Map<String, Object> r, Map<String, Object> f, Map<String, Object> g, PrintStream out) {
        Map<String, Object> q = (Map<String, Object>) r.get("int8");
        Map<String, Object> def = ((List<Map<String, Object>>) q.get("sweep")).stream()
                .filter(row -> num(row, "depth").intValue() == num(q, "default_depth").intValue()).findFirst().orElseThrow();
        double mb = num(q, "memory_bytes") / (1 << 20);
        row(out, "int8 vectors memory MB", mb, f == null ? null : num(f, "flat_memory_bytes") / (1 << 20), "vs float32 flat");
        if (g != null) {
            long bytes = (long) (double) num(q, "memory_bytes") + (long) g.get("memory_bytes");
            // decimal GB, as the goal is written (0.6e9 bytes); both parts grow linearly with n
            double perMillion = bytes * (1_000_000.0 / (int) r.get("n")) / 1e9;
            out.printf(Locale.ROOT, "%-40s %12s %12s %8s  %s%n", "int8 vectors + graph MB", fmt(bytes / (double) (1 << 20)), "-", "-",
                    String.format(Locale.ROOT, "scaled to 1M: %.3f GB (%.3f GiB), <= 0.6 GB: %s", perMillion, perMillion * 1e9 / (1L << 30),
                            perMillion <= 0.6 ? "met" : "MISSED by " + pct(perMillion / 0.6 - 1)));
        }
        double ri = num(def, "recall_image"), rt = num(def, "recall_text");
        out.printf(Locale.ROOT, "%-40s %12s %12s %8s  %s%n", "int8 recall@10 image/text (depth " + num(q, "default_depth").intValue() + ")",
                fmt(ri) + "/" + fmt(rt), "-", "-", ri >= 0.995 && rt >= 0.995 ? ">= 0.995: met" : ">= 0.995: MISSED");
        double p50 = num(q, "single_p50_ms"), stream = num(q, "matrix_stream_ms");
        row(out, "int8 single query p50 ms", p50, f == null ? null : num(f, "flat_single_p50_ms"), "");
        row(out, "int8 single query p99 ms", num(q, "single_p99_ms"), f == null ? null : num(f, "flat_single_p99_ms"), "");
        out.printf(Locale.ROOT, "%-40s %12.2f %12s %8.2f  %s%n", "int8 p50 vs int8 stream limit ms", p50, String.format(Locale.ROOT, "%.2f", stream),
                p50 / stream, p50 <= 1.2 * stream ? "<= 1.2x limit: met" : "<= 1.2x limit: MISSED by " + pct(p50 / (1.2 * stream) - 1));
        double b16 = num(q, "batch16_per_query_ms");
        Double fb16 = f == null ? null : num(f, "flat_batch16_per_query_ms");
        row(out, "int8 batch-16 per query ms", b16, fb16, fb16 == null ? "" : b16 <= fb16 ? "<= faiss: met" : "<= faiss: MISSED by " + pct(b16 / fb16 - 1));
    }

    @SuppressWarnings("unchecked")
    private static void printEncodings(Map<String, Object> r, PrintStream out) {
        Map<String, Object> enc = (Map<String, Object>) r.get("storage_encoding");
        for (String e : List.of("fp16", "int8")) {
            Map<String, Object> m = (Map<String, Object>) enc.get(e);
            out.printf(Locale.ROOT, "%-40s %12s%n", "stored " + e + " recall@10 image/text", fmt(num(m, "recall_image")) + "/" + fmt(num(m, "recall_text"))
                    + "  (" + m.get("bytes_per_vector") + " B)");
        }
    }

    private static Map<String, Object> firstAtRecall(List<Map<String, Object>> sweep, String kind, double target) {
        return sweep.stream().filter(row -> num(row, "recall_" + kind) >= target).findFirst().orElse(null);
    }

    private static Double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static void row(PrintStream out, String label, Double ours, Double theirs, String goal) {
        out.printf(Locale.ROOT, "%-40s %12s %12s %8s  %s%n", label, ours == null ? "-" : fmt(ours), theirs == null ? "-" : fmt(theirs),
                ours == null || theirs == null || theirs == 0 ? "-" : String.format(Locale.ROOT, "%.2f", ours / theirs), goal);
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : Math.abs(v) >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", v * 100);
    }
}
