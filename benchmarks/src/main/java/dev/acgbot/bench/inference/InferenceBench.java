package dev.acgbot.bench.inference;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.acgbot.bench.cli.Python;
import dev.acgbot.models.manifest.TextInput;
import dev.acgbot.bench.preprocess.PreprocessBench;
import dev.acgbot.models.runtime.DeviceRequest;
import dev.acgbot.models.runtime.internal.DjlOnnxEngine;
import dev.acgbot.models.text.TokenizedText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code acgbot bench inference}: preprocessing throughput per layout, then inference latency and throughput
 * at batch 1, 8 and 32 on realistic-size RANDOM-weight stand-ins (ViT-B/16 at 224, ViT-B/16 at 448 NHWC,
 * a BERT-base text tower; built once by the bundled {@code make_standins.py} into the cache, which needs
 * Debian's python3-torch and python3-onnx: when they are missing the bench says so and exits 2), each
 * run through DJL (the engine the bot uses) and through ONNX Runtime's own Java API on the same graph in the
 * same process, alternating, to give DJL's overhead. Because the full models' latencies swing with other
 * load on a shared machine, the overhead is measured precisely on an "I/O twin" of each model (same input and
 * output tensors, almost no compute): the extra milliseconds DJL spends per call there, divided by the full
 * model's latency, is the reported DJL overhead. A program, not a test: it prints a table and can write JSON.
 * <p>
 * The DJL side is the product's {@code DjlOnnxEngine} (a public seam of {@code models.runtime.internal} that
 * only this benchmark uses from outside its package): the overhead measured is the bot's own.
 * <p>
 * {@code --int8} runs {@link Int8Bench} instead: fp32 against int8 copies of the stand-ins (docs/benchmarks.md,
 * "Int8 model variants on CPU").
 */
@Command(name = "inference", mixinStandardHelpOptions = true,
        description = "Preprocessing throughput and DJL vs ONNX Runtime latency on random-weight stand-ins.")
public final class InferenceBench implements Callable<Integer> {
    @Option(names = "--quick", description = "fewer iterations, batches 1 and 8 (448 model: batch 1), ~3 minutes on 2 idle cores")
    boolean quick;
    @Option(names = "--json", paramLabel = "FILE", description = "also write every figure as JSON")
    Path json;
    @Option(names = "--cache", paramLabel = "DIR", defaultValue = ".bench-cache", description = "stand-in cache (default ${DEFAULT-VALUE})")
    Path cache;
    @Option(names = "--device", defaultValue = "cpu", description = "cpu (default), gpu, gpu:N or auto")
    String device;
    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: every core)")
    Integer threads;
    @Option(names = "--batches", split = ",", description = "batch sizes (default 1,8,32; 1,8 with --quick)")
    int[] batches;
    @Option(names = "--seconds", description = "target measuring time per path and cell (default 15; 3 with --quick)")
    Double seconds;
    @Option(names = "--no-preprocess", description = "skip the preprocessing table")
    boolean noPreprocess;
    @Option(names = "--python", paramLabel = "EXE", defaultValue = Python.DEFAULT,
            description = "interpreter with torch and onnx for the stand-in script (default ${DEFAULT-VALUE})")
    String python;
    @Option(names = "--script", paramLabel = "FILE", description = "a stand-in script to use instead of the bundled one")
    Path script;
    @Option(names = "--int8", description = "instead: fp32 vs int8 stand-ins (latency at batches 1 and 16, agreement on --images)")
    boolean int8;
    @Option(names = "--images", paramLabel = "DIR", description = "--int8: real images for the agreement figures "
            + "(default: $ACGBOT_HELDOUT, else Debian's openclipart-png in /usr/share/openclipart/png)")
    Path images;
    @Option(names = "--max-images", paramLabel = "N", defaultValue = "200", description = "--int8: at most N of them, "
            + "evenly spread (default ${DEFAULT-VALUE})")
    int maxImages;

    record Options(boolean quick, Optional<Path> json, Path cache, String device, int threads,
                   int[] batches, double seconds, boolean preprocess, Python python, Optional<Path> script,
                   boolean int8, Path images, int maxImages) {
    }

    @Override
    public Integer call() {
        return run(options(), System.out);
    }

    Options options() {
        String parsedDevice = DeviceRequest.parse(device).toString(); // IllegalArgumentException: one line, exit 2
        int[] defaultBatches = int8 ? new int[]{1, quick ? 8 : Int8Bench.PRODUCT_BATCH} : quick ? new int[]{1, 8} : new int[]{1, 8, 32};
        String heldOut = System.getenv("ACGBOT_HELDOUT");
        Path imageDir = images != null ? images : Path.of(heldOut != null ? heldOut : "/usr/share/openclipart/png");
        return new Options(quick, Optional.ofNullable(json), cache, parsedDevice,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                batches != null ? batches : defaultBatches,
                seconds != null ? seconds : quick ? 3 : 15, !noPreprocess, new Python(python), Optional.ofNullable(script),
                int8, imageDir, maxImages);
    }

    static int run(Options o, PrintStream out) {
        // before any work: missing torch/onnx for a first build is an install hint and exit 2, never an install
        StandIns.requireBuilder(o.cache(), o.python());
        if (o.int8()) {
            try {
                return Int8Bench.run(o, out);
            } catch (dev.acgbot.bench.cli.MissingPrerequisite e) {
                throw e;
            } catch (Exception e) {
                out.println("bench inference --int8 failed: " + e);
                return 1;
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        report.put("machine", machine(o));
        report.put("note", "inference rows use RANDOM-weight stand-ins of real model sizes, not real models");
        try {
            if (o.preprocess()) {
                out.println("Preprocessing, one thread (PreprocessBench):");
                List<Map<String, Object>> rows = PreprocessBench.run(o.quick() ? 1 : 3);
                printPreprocess(rows, out);
                report.put("preprocess", rows);
            }
            List<StandIn> standIns = StandIns.ensure(o.cache(), o.python(), o.script(), out);
            List<Map<String, Object>> rows = new ArrayList<>();
            out.printf(Locale.ROOT, "%nInference on %s, %d intra-op threads; RANDOM-weight stand-ins:%n", o.device(), o.threads());
            out.printf(Locale.ROOT, "%-17s %5s %10s %10s %9s %9s %9s %5s %10s %10s %9s%n", "model", "batch", "DJL ms",
                    "ORT ms", "DJL it/s", "ORT it/s", "raw ovh", "iters", "io DJL ms", "io ORT ms", "DJL ovh");
            for (StandIn s : standIns) {
                rows.addAll(benchModel(s, o, out));
            }
            report.put("inference", rows);
            double worst = rows.stream().mapToDouble(r -> (double) r.get("djlOverheadPercent")).max().orElse(Double.NaN);
            double median = rows.stream().mapToDouble(r -> (double) r.get("djlOverheadPercent")).sorted()
                    .skip(rows.size() / 2).findFirst().orElse(Double.NaN);
            out.println("raw ovh: DJL/ORT median latency - 1 on the full model (noisy on a shared machine);");
            out.println("io DJL/ORT ms: median per-call time on the I/O twin (same tensors, no compute);");
            out.println("DJL ovh: (io DJL - io ORT) / ORT latency of the full model: the cost DJL adds per call.");
            out.printf(Locale.ROOT, "DJL overhead vs ONNX Runtime Java API: median %+.2f %%, worst %+.2f %% (goal <= 5 %%)%n",
                    median, worst);
            report.put("djlOverheadMedianPercent", median);
            report.put("djlOverheadWorstPercent", worst);
        } catch (Exception e) {
            out.println("bench inference failed: " + e);
            writeJson(o, report, out);
            return 1;
        }
        writeJson(o, report, out);
        return 0;
    }

    private static List<Map<String, Object>> benchModel(StandIn s, Options o, PrintStream out) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        DjlOnnxEngine.Placement placement = DjlOnnxEngine.load(s.file(), s.output(), DeviceRequest.parse(o.device()),
                o.threads(), 1);
        int gpu = placement.engine().device().startsWith("gpu") ? Integer.parseInt(placement.engine().device().substring(4)) : -1;
        try (DjlOnnxEngine djl = placement.engine();
             OrtDirectRunner ort = new OrtDirectRunner(s.file(), s.input(), s.output(), o.threads(), gpu);
             DjlOnnxEngine djlIo = DjlOnnxEngine.load(s.ioTwin(), s.output(), DeviceRequest.parse(o.device()),
                     o.threads(), 1).engine();
             OrtDirectRunner ortIo = new OrtDirectRunner(s.ioTwin(), s.input(), s.output(), o.threads(), gpu)) {
            for (int batch : o.batches()) {
                if (o.quick() && batch > 1 && s.itemSize() > 3 * 224 * 224 * 2) {
                    continue; // the 448 model at batch 8 alone takes minutes on two cores
                }
                rows.add(cell(s, batch, new Pair(djl, ort), new Pair(djlIo, ortIo), o, out));
            }
        }
        return rows;
    }

    /** The same graph opened through both APIs. */
    private record Pair(DjlOnnxEngine djl, OrtDirectRunner ort) {
    }

    private static Map<String, Object> cell(StandIn s, int batch, Pair model, Pair io, Options o, PrintStream out)
            throws OrtException {
        Random rnd = new Random(batch);
        List<float[]> pixels = new ArrayList<>();
        List<TokenizedText> texts = new ArrayList<>();
        List<long[]> ids = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            if (s.tokens()) {
                long[] t = new long[s.itemSize()];
                for (int j = 0; j < t.length; j++) {
                    t[j] = j == 0 ? 101 : rnd.nextInt(21128);
                }
                long[] mask = new long[t.length];
                Arrays.fill(mask, 1);
                ids.add(t);
                texts.add(new TokenizedText(t, mask, false));
            } else {
                float[] x = new float[s.itemSize()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = (float) rnd.nextGaussian();
                }
                pixels.add(x);
            }
        }
        TextInput textInput = new TextInput(s.input(), TextInput.TokenDtype.INT64, Optional.empty());
        Call djlCall = () -> s.tokens() ? model.djl().runTokens(textInput, texts)
                : model.djl().runImages(s.input(), pixels, s.itemShape());
        Call ortCall = () -> s.tokens() ? model.ort().runLongs(ids) : model.ort().runFloats(pixels, s.itemShape());
        Call djlIo = () -> s.tokens() ? io.djl().runTokens(textInput, texts)
                : io.djl().runImages(s.input(), pixels, s.itemShape());
        Call ortIo = () -> s.tokens() ? io.ort().runLongs(ids) : io.ort().runFloats(pixels, s.itemShape());
        // warm-up, which also sizes the number of iterations and checks both paths agree
        long t0 = System.nanoTime();
        float[][] a = djlCall.run();
        long t1 = System.nanoTime();
        float[][] b = ortCall.run();
        long t2 = System.nanoTime();
        double maxDiff = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                maxDiff = Math.max(maxDiff, Math.abs(a[i][j] - b[i][j]));
            }
        }
        double estimate = Math.max(t1 - t0, t2 - t1) / 1e9;
        int iters = (int) Math.max(3, Math.min(o.quick() ? 20 : 60, o.seconds() / Math.max(estimate, 1e-4)));
        Timings dt = new Timings();
        Timings ot = new Timings();
        alternate(djlCall, dt, ortCall, ot, iters);
        // the I/O twins: many cheap calls give a precise per-call cost of each API even under load
        Timings dio = new Timings();
        Timings oio = new Timings();
        alternate(djlIo, dio, ortIo, oio, 3);
        long ioStart = System.nanoTime();
        alternate(djlIo, new Timings(), ortIo, new Timings(), 3);
        double ioEstimate = (System.nanoTime() - ioStart) / 6e9;
        int ioIters = (int) Math.max(30, Math.min(2000, (o.quick() ? 1.5 : 4) / Math.max(ioEstimate, 1e-5)));
        dio = new Timings();
        oio = new Timings();
        alternate(djlIo, dio, ortIo, oio, ioIters);
        double djlMs = dt.median();
        double ortMs = ot.median();
        double rawOverhead = (djlMs / ortMs - 1) * 100;
        double fixedMs = dio.median() - oio.median();
        double overhead = fixedMs / ortMs * 100;
        out.printf(Locale.ROOT, "%-17s %5d %10.1f %10.1f %9.2f %9.2f %+8.1f%% %5d %10.3f %10.3f %+8.2f%%%n", s.name(),
                batch, djlMs, ortMs, batch * 1000 / djlMs, batch * 1000 / ortMs, rawOverhead, iters, dio.median(),
                oio.median(), overhead);
        if (maxDiff > 1e-3) {
            out.printf(Locale.ROOT, "  warning: DJL and ORT outputs differ by up to %.2e on the same input%n", maxDiff);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", s.name());
        row.put("stands_for", s.note());
        row.put("batch", batch);
        row.put("device", model.djl().device());
        row.put("iterations", iters);
        row.put("djlMedianMs", djlMs);
        row.put("djlMeanMs", dt.mean());
        row.put("djlMinMs", dt.min());
        row.put("ortMedianMs", ortMs);
        row.put("ortMeanMs", ot.mean());
        row.put("ortMinMs", ot.min());
        row.put("djlItemsPerSecond", batch * 1000 / djlMs);
        row.put("ortItemsPerSecond", batch * 1000 / ortMs);
        row.put("rawOverheadPercent", rawOverhead);
        row.put("ioTwinIterations", ioIters);
        row.put("ioTwinDjlMedianMs", dio.median());
        row.put("ioTwinOrtMedianMs", oio.median());
        row.put("djlPerCallOverheadMs", fixedMs);
        row.put("djlOverheadPercent", overhead);
        row.put("maxAbsDiffDjlVsOrt", maxDiff);
        return row;
    }

    private interface Call {
        float[][] run() throws OrtException;
    }

    /** Alternates the order so drift (thermal, other load) hits both paths alike. */
    private static void alternate(Call a, Timings ta, Call b, Timings tb, int iterations) throws OrtException {
        for (int i = 0; i < iterations; i++) {
            if (i % 2 == 0) {
                time(a, ta);
                time(b, tb);
            } else {
                time(b, tb);
                time(a, ta);
            }
        }
    }

    private static void time(Call c, Timings t) throws OrtException {
        long start = System.nanoTime();
        c.run();
        t.add(System.nanoTime() - start);
    }

    private static void printPreprocess(List<Map<String, Object>> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-18s %-9s %10s %9s  %s%n", "task", "layout", "images/s", "ms/image", "source");
        for (Map<String, Object> r : rows) {
            out.printf(Locale.ROOT, "%-18s %-9s %10.1f %9.2f  %s%n", r.get("task"), r.get("layout"),
                    ((Number) r.get("imagesPerSecond")).doubleValue(), ((Number) r.get("msPerImage")).doubleValue(),
                    r.get("source"));
        }
    }

    private static Map<String, Object> machine(Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        m.put("device", o.device());
        m.put("intraOpThreads", o.threads());
        m.put("quick", o.quick());
        m.put("cudaProvider", DjlOnnxEngine.cudaAvailable());
        return m;
    }

    static void writeJson(Options o, Map<String, Object> report, PrintStream out) {
        if (o.json().isEmpty()) {
            return;
        }
        try {
            Path file = o.json().get().toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
            out.println("wrote " + file);
        } catch (Exception e) {
            out.println("could not write JSON: " + e);
        }
    }

}
