package dev.acgbot.bench.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.bench.cli.MissingPrerequisite;
import dev.acgbot.bench.cli.Python;
import dev.acgbot.bench.inference.StandIn;
import dev.acgbot.bench.inference.StandIns;
import dev.acgbot.models.runtime.MemoryBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./acgbot bench memory}: where the memory goes and whether the bot fits its budget, with the random-weight
 * stand-ins of the real models (never real results). Part 1, per model: RSS after load and the peak of one run at
 * each batch size, ONNX Runtime's defaults (CPU arena and memory pattern on) against the bot's settings
 * ({@code ArenaMode.SHRUNK}: weights outside the arena, the arena shrunk after the run, no memory pattern, glibc
 * mapping blocks of 128 KiB and more), each cell in its own JVM. Part 2, the whole model side of the bot
 * ({@link BotProbe}) at each budget, heap and glibc settings as the launcher gives them: RSS at rest, the peaks of
 * one /tag and one /search, and of a reindex of real pictures (Debian's openclipart-png), against the goal rows.
 * The pictures are cut into slices that every setting indexes in turn, the order reversed on every other slice
 * (before, default, 2g / 2g, default, before), so that the load of a shared machine falls on all settings alike; the
 * throughput row compares the default budget's images per second with the before settings' ("within 10 %").
 * Each reindex also reports its stages as the product measures them ({@link ReindexStagesTable}: images/s overall
 * and per stage, engine busy), with the issue 15 goal row "engine busy >= 90 %" (JSON: {@code reindex_stages}).
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Memory per model (batch 1/4/16, ORT arena on/off) and of the whole bot at rest, /tag, /search and a reindex, per memory budget.")
public final class MemoryBench implements Callable<Integer> {
    static final String OPENCLIPART = "/usr/share/openclipart/png";

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = ".bench-cache", description = "stand-in cache (default ${DEFAULT-VALUE})")
    Path cache;
    @Option(names = "--images", paramLabel = "DIR", defaultValue = OPENCLIPART,
            description = "pictures to reindex, searched recursively for *.png (default ${DEFAULT-VALUE}, Debian's openclipart-png)")
    Path images;
    @Option(names = "--count", defaultValue = "200", description = "how many of them (sorted by path; default ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--budgets", split = ",", defaultValue = "auto,2g", description = "budgets to run (default ${DEFAULT-VALUE}; auto = this machine's default)")
    List<String> budgets;
    @Option(names = "--before", description = "also run the settings before issue 17 (arena on, batch 32, heap 2 GB)")
    boolean before;
    @Option(names = "--slices", defaultValue = "2",
            description = "cut the pictures into this many slices, each indexed by every setting in turn (default ${DEFAULT-VALUE})")
    int slices;
    @Option(names = "--batches", split = ",", defaultValue = "1,4,16", description = "batch sizes of the per-model table (default ${DEFAULT-VALUE})")
    List<Integer> batches;
    @Option(names = "--no-models-table", description = "skip part 1")
    boolean noModelsTable;
    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: every core)")
    Integer threads;
    @Option(names = "--json", paramLabel = "FILE", description = "also write every figure as JSON")
    Path json;
    @Option(names = "--python", paramLabel = "EXE", defaultValue = Python.DEFAULT, description = "interpreter that builds the stand-ins (default ${DEFAULT-VALUE})")
    String python;

    static final long GOAL_REST = 1536L << 20;
    static final long GOAL_REINDEX = 2560L << 20;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(images)) {
            throw new MissingPrerequisite("bench memory reindexes real pictures and " + images + " is missing: install them with "
                    + "`sudo apt-get install openclipart-png` (or pass --images DIR)");
        }
        StandIns.requireBuilder(cache, new Python(python), "bench memory");
        List<StandIn> standIns = StandIns.ensure(cache, new Python(python), java.util.Optional.empty(), System.out);
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("note", "random-weight stand-ins of the real architectures and sizes; not real-model results");
        out.put("threads", t);
        if (!noModelsTable) {
            out.put("models", modelsTable(standIns, t));
        }
        Path manifests = StandInManifests.write(cache.resolve("standins"), standIns);
        List<Path> parts = slices(pickImages());
        List<String> runs = new ArrayList<>(budgets);
        if (before) {
            runs.add(0, "none");
        }
        System.out.printf("%nWhole bot (model side: runtime + gallery), %d pictures from %s in %d slices, each indexed by every"
                + " setting in turn:%n%n", count, images, parts.size());
        System.out.println("| slice | settings | load average (1/5/15 min) | pictures | reindex seconds | images/s |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, List<Map<String, Object>>> byRun = new LinkedHashMap<>();
        runs.forEach(r -> byRun.put(r, new ArrayList<>()));
        for (int i = 0; i < parts.size(); i++) {
            List<String> order = new ArrayList<>(runs);
            if (i % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String budget : order) {
                String load = loadAverage();
                Map<String, Object> run = botRun(budget, manifests, parts.get(i), t);
                run.put("slice", i + 1);
                run.put("loadavg", load);
                byRun.get(budget).add(run);
                System.out.printf(Locale.ROOT, "| %d/%d | %s | %s | %d | %.1f | %.3f |%n", i + 1, parts.size(), run.get("settings"),
                        load, (int) run.get("images"), (double) run.get("seconds"), (double) run.get("images_per_s"));
            }
        }
        System.out.println();
        System.out.println("| settings | heap | batches (tagger/clip image/text) | at rest | /tag peak | /search peak | reindex peak | images/s | rest <= 1.5 GB | reindex <= 2.5 GB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String budget : runs) {
            Map<String, Object> row = combined(byRun.get(budget));
            rows.add(row);
            long rest = (long) row.get("rest_bytes");
            long reindex = (long) row.get("reindex_peak_bytes");
            boolean goals = !budget.equals("none");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.3f | %s | %s |%n", row.get("settings"), row.get("heap"),
                    row.get("batches"), mb(rest), mb((long) row.get("tag_peak_bytes")), mb((long) row.get("search_peak_bytes")),
                    mb(reindex), (double) row.get("images_per_s"), goals ? verdict(rest, GOAL_REST) : "", goals ? verdict(reindex, GOAL_REINDEX) : "");
        }
        if (byRun.containsKey("none") && byRun.containsKey("auto")) {
            Map<String, Object> b = combined(byRun.get("none"));
            Map<String, Object> d = combined(byRun.get("auto"));
            Throughput tp = new Throughput((int) b.get("images"), (double) b.get("seconds"), (int) d.get("images"), (double) d.get("seconds"));
            System.out.println();
            System.out.println("| reindex throughput | before images/s | default budget images/s | default / before | within 10 % of before |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %d pictures, %d slices interleaved | %.3f | %.3f | %.2f | %s |%n", count, parts.size(),
                    tp.beforePerSecond(), tp.perSecond(), tp.ratio(), tp.verdict());
            Map<String, Object> tj = new LinkedHashMap<>();
            tj.put("before_images_per_s", tp.beforePerSecond());
            tj.put("default_images_per_s", tp.perSecond());
            tj.put("ratio", tp.ratio());
            tj.put("verdict", tp.verdict());
            out.put("throughput", tj);
        }
        out.put("reindex_stages", ReindexStagesTable.print(byRun));
        out.put("runs", byRun);
        out.put("bot", rows);
        if (json != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), out);
        }
        return 0;
    }

    private List<Map<String, Object>> modelsTable(List<StandIn> standIns, int t) throws Exception {
        System.out.println("Per model (each cell its own JVM; RSS includes the JVM, about 60 MB):");
        System.out.println();
        System.out.println("| model | ONNX file | settings | after load | batch | peak in run | after run | per item over load |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StandIn s : standIns) {
            for (boolean bot : new boolean[]{false, true}) {
                for (int b : batches) {
                    List<String> cmd = new ArrayList<>(java(256L << 20));
                    cmd.addAll(List.of(SessionProbe.class.getName(), s.file().toString(), s.input(), s.output(),
                            Boolean.toString(s.tokens()), join(s.itemShape()), Integer.toString(b), "on",
                            bot ? "off" : "on", Integer.toString(t), "1", bot ? "on" : "off", bot ? "device" : "arena"));
                    long[] r = probe(cmd, bot, "PROBE");
                    long perItem = (r[2] - r[0]) / b;
                    String settings = bot ? "bot (weights outside the arena, shrunk after the run, glibc mmap)" : "ORT defaults (arena on)";
                    System.out.printf("| %s | %s | %s | %s | %d | %s | %s | %s |%n", s.name(), mb(Files.size(s.file())), settings,
                            mb(r[0]), b, mb(r[2]), mb(r[3]), mb(perItem));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("model", s.name());
                    row.put("settings", bot ? "bot" : "ort-defaults");
                    row.put("batch", b);
                    row.put("load_rss_bytes", r[0]);
                    row.put("run_peak_bytes", r[2]);
                    row.put("after_run_bytes", r[3]);
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private Map<String, Object> botRun(String budget, Path manifests, Path picked, int t) throws Exception {
        boolean none = budget.equals("none");
        MemoryBudget b = none ? null : MemoryBudget.parse(budget, MemoryBudget.machineBytes());
        long heap = none ? 2048L << 20 : b.heapBytes();
        Path work = Files.createTempDirectory("acgbot-bench-memory");
        List<String> cmd = new ArrayList<>(java(heap));
        cmd.addAll(List.of(BotProbe.class.getName(), manifests.toString(), none ? "none" : Long.toString(b.bytes()),
                picked.toString(), work.toString(), StandInManifests.TAGGER, StandInManifests.CLIP_IMAGE,
                StandInManifests.CLIP_TEXT, Integer.toString(t)));
        String[] f = line(cmd, !none, "BOTPROBE");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("settings", none ? "before (arena on, batch 32)" : "budget " + b + (budget.equals("auto") ? " (default)" : ""));
        row.put("budget_bytes", none ? 0 : b.bytes());
        row.put("heap", mb(heap));
        row.put("rest_bytes", Long.parseLong(f[1]));
        row.put("tag_peak_bytes", Long.parseLong(f[2]));
        row.put("search_peak_bytes", Long.parseLong(f[3]));
        row.put("reindex_peak_bytes", Long.parseLong(f[4]));
        row.put("images", Integer.parseInt(f[5]));
        row.put("seconds", Double.parseDouble(f[6]));
        row.put("images_per_s", Integer.parseInt(f[5]) / Double.parseDouble(f[6]));
        row.put("batches", f[7]);
        row.put("failed", Integer.parseInt(f[8]));
        ReindexStagesTable.parse(f, row);
        return row;
    }

    /** The runs of one setting over every slice as one row: peaks are the largest, pictures and seconds the sums. */
    private static Map<String, Object> combined(List<Map<String, Object>> runs) {
        Map<String, Object> row = new LinkedHashMap<>(runs.get(0));
        row.remove("slice");
        row.remove("loadavg");
        for (String stage : List.of("engine_busy", "stage_images_per_s", "decode_images_per_s", "commit_images_per_s",
                "preprocess_images_per_s", "inference_images_per_s")) {
            row.remove(stage); // per run only: ReindexStagesTable combines them
        }
        for (String peak : List.of("rest_bytes", "tag_peak_bytes", "search_peak_bytes", "reindex_peak_bytes")) {
            row.put(peak, runs.stream().mapToLong(r -> (long) r.get(peak)).max().orElseThrow());
        }
        int n = runs.stream().mapToInt(r -> (int) r.get("images")).sum();
        double seconds = runs.stream().mapToDouble(r -> (double) r.get("seconds")).sum();
        row.put("images", n);
        row.put("seconds", seconds);
        row.put("images_per_s", n / seconds);
        row.put("failed", runs.stream().mapToInt(r -> (int) r.get("failed")).sum());
        return row;
    }

    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** The picked pictures cut into {@code --slices} folders of consecutive files (links, or copies where links fail). */
    private List<Path> slices(Path picked) throws IOException {
        int s = Math.max(1, Math.min(slices, count));
        if (s == 1) {
            return List.of(picked);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(picked)) {
            files = list.sorted().toList();
        }
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            Path dir = cache.resolve("memory-images-" + count + "-slice-" + (i + 1) + "-of-" + s);
            Files.createDirectories(dir);
            for (Path f : files.subList(i * files.size() / s, (i + 1) * files.size() / s)) {
                Path target = dir.resolve(f.getFileName());
                if (!Files.exists(target)) {
                    try {
                        Files.createLink(target, f);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(f, target);
                    }
                }
            }
            parts.add(dir);
        }
        return parts;
    }

    /** The first {@code count} PNGs under --images (sorted), linked into one folder so every run reads the same files. */
    private Path pickImages() throws IOException {
        Path dir = cache.resolve("memory-images-" + count);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.count() == count) {
                    return dir;
                }
            }
        }
        Files.createDirectories(dir);
        List<Path> pngs;
        try (Stream<Path> s = Files.walk(images)) {
            pngs = s.filter(p -> p.toString().endsWith(".png") && Files.isRegularFile(p)).sorted().limit(count).toList();
        }
        for (int i = 0; i < pngs.size(); i++) {
            Path target = dir.resolve(String.format("%04d-%s", i, pngs.get(i).getFileName()));
            if (!Files.exists(target)) {
                Files.copy(pngs.get(i), target);
            }
        }
        return dir;
    }

    static List<String> java(long heap) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        return List.of(java, "-Xmx" + (heap >> 20) + "m", "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-cp", cp);
    }

    private static long[] probe(List<String> cmd, boolean glibc, String tag) throws Exception {
        String[] f = line(cmd, glibc, tag);
        return new long[]{Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])};
    }

    /** Runs a child and returns the fields of its line starting with {@code tag}; the launcher's glibc settings when asked. */
    static String[] line(List<String> cmd, boolean glibc, String tag) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (glibc) {
            pb.environment().put("MALLOC_MMAP_THRESHOLD_", "131072");
            pb.environment().put("MALLOC_ARENA_MAX", "2");
        } else {
            pb.environment().remove("MALLOC_MMAP_THRESHOLD_");
            pb.environment().remove("MALLOC_ARENA_MAX");
        }
        Process p = pb.start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor();
        for (String l : text.split("\n")) {
            if (l.startsWith(tag + " ")) {
                return l.strip().split(" ");
            }
        }
        throw new IllegalStateException("child failed (exit " + p.exitValue() + "): " + text.substring(Math.max(0, text.length() - 3000)));
    }

    private static String join(long[] dims) {
        StringBuilder s = new StringBuilder();
        for (long d : dims) {
            s.append(s.isEmpty() ? "" : ",").append(d);
        }
        return s.toString();
    }

    static String mb(long bytes) {
        return (bytes >> 20) + " MB";
    }

    static String verdict(long value, long goal) {
        return value <= goal ? "met" : String.format(Locale.ROOT, "missed by %d MB", (value - goal) >> 20);
    }
}
