package dev.acgbot.bench.memory;

import dev.acgbot.bench.cli.MissingPrerequisite;
import dev.acgbot.bench.gallery.StartupBench;
import dev.acgbot.bench.cli.Python;
import dev.acgbot.bench.inference.StandIn;
import dev.acgbot.bench.inference.StandIns;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.IndexMode;
import dev.acgbot.models.runtime.MemoryBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./acgbot bench whole-bot --gallery DIR}: the resident memory of the whole bot with the default model set
 * loaded and a large gallery open (issue 15: "the RSS of the whole bot with the default model set loaded"). The
 * default models are the random-weight stand-ins {@code bench memory} builds (WD tagger v3 at 448, Chinese-CLIP
 * ViT-B/16 image and text towers: the real ones' sizes, never their results); the gallery is one {@code bench startup
 * --n N --dir DIR} kept, of synthetic 512-d vectors. {@link WholeBotProbe} runs in its own JVM with the launcher's
 * settings (heap, glibc) and prints RSS after loading the models, after opening the gallery, and the peaks of one
 * /tag and one /search (text tower, then the gallery's search with that vector).
 *
 * <p>With {@code --graph} the gallery is opened as a bot of that size opens it (approximate mode): when DIR holds no
 * persisted graph yet, this JVM builds and persists it first (minutes at 1M), so that the probe loads it.
 */
@Command(name = "whole-bot", mixinStandardHelpOptions = true,
        description = "RSS of the whole bot: the default model set (stand-ins) loaded and a large gallery open, /tag and /search answered.")
public final class WholeBotBench implements Callable<Integer> {
    @Option(names = "--gallery", paramLabel = "DIR", required = true,
            description = "a gallery kept by `./acgbot bench startup --n N --dir DIR` (run that first; its vector files must exist)")
    Path gallery;
    @Option(names = "--graph", description = "open it in approximate mode, as the bot does above 50,000 images (default: exact)")
    boolean graph;
    @Option(names = "--budget", defaultValue = "auto", description = "models.memory_budget (default ${DEFAULT-VALUE}: this machine's default)")
    String budget;
    @Option(names = "--heap", description = "the probe's -Xmx, e.g. 768m (default: the launcher's, a quarter of the budget)")
    String heap;
    @Option(names = "--cache", paramLabel = "DIR", defaultValue = ".bench-cache", description = "stand-in cache (default ${DEFAULT-VALUE})")
    Path cache;
    @Option(names = "--image", paramLabel = "FILE", description = "the picture /tag runs on (default: the first of Debian's openclipart-png)")
    Path image;
    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: every core)")
    Integer threads;
    @Option(names = "--python", paramLabel = "EXE", defaultValue = Python.DEFAULT, description = "interpreter that builds the stand-ins (default ${DEFAULT-VALUE})")
    String python;

    @Override
    public Integer call() throws Exception {
        Path vectors = gallery.resolve("vectors").resolve(StartupBench.CLIP + ".i8v");
        if (!Files.isRegularFile(vectors)) {
            throw new IllegalArgumentException(gallery + " holds no kept gallery (no " + vectors.getFileName()
                    + "): write one with `./acgbot bench startup --n 1000000 --dir " + gallery + " --heap-only`");
        }
        Path picture = image != null ? image : firstPicture();
        StandIns.requireBuilder(cache, new Python(python), "bench whole-bot");
        List<StandIn> standIns = StandIns.ensure(cache, new Python(python), java.util.Optional.empty(), System.out);
        Path manifests = StandInManifests.write(cache.resolve("standins"), standIns);
        if (graph) {
            ensureGraph();
        }
        MemoryBudget b = MemoryBudget.parse(budget, MemoryBudget.machineBytes());
        long xmx = heap != null ? MemoryBudget.parse(heap, 0).bytes() : b.heapBytes();
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        String load = MemoryBench.loadAverage();
        List<String> cmd = new ArrayList<>(MemoryBench.java(xmx));
        cmd.addAll(List.of(WholeBotProbe.class.getName(), manifests.toString(), Long.toString(b.bytes()), gallery.toString(),
                Boolean.toString(graph), picture.toString(), StandInManifests.TAGGER, StandInManifests.CLIP_IMAGE,
                StandInManifests.CLIP_TEXT, Integer.toString(t)));
        WholeBotProbe.Result r = WholeBotProbe.Result.parse(MemoryBench.line(cmd, true, WholeBotProbe.TAG));
        System.out.printf(Locale.ROOT, "%nWhole bot: stand-ins of the default models (random weights) + a gallery of %,d synthetic images (%s),"
                + " budget %s, -Xmx%d m, %d threads, load average %s%n%n", r.images(), graph ? "graph" : "exact", b, xmx >> 20, t, load);
        System.out.println("| step | RSS MB | of it anonymous / file-backed MB |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| models loaded | %d | |%n", r.models() >> 20);
        System.out.printf(Locale.ROOT, "| + gallery open (first answer %.0f ms after open began) | %d | %d / %d |%n", r.openMs(), r.galleryRest() >> 20,
                r.anonymous() >> 20, r.fileBacked() >> 20);
        System.out.printf(Locale.ROOT, "| /tag peak | %d | |%n", r.tagPeak() >> 20);
        System.out.printf(Locale.ROOT, "| /search peak (text tower + gallery search, %d hits) | %d | |%n", r.hits(), r.searchPeak() >> 20);
        System.out.printf(Locale.ROOT, "%nheap in use after the answers %d MB of -Xmx %d MB; the goal row of bench memory, RSS at rest <= 1.5 GB: %s"
                + " (models + gallery at rest)%n", r.heapUsed() >> 20, xmx >> 20, MemoryBench.verdict(r.galleryRest(), MemoryBench.GOAL_REST));
        return 0;
    }

    /** Builds and persists the graph in this JVM unless DIR has one, so the probe measures a loaded graph, not a build. */
    private void ensureGraph() throws Exception {
        GalleryOptions options = GalleryOptions.builder().dataDir(gallery).clipModels(List.of(StartupBench.CLIP))
                .indexMode(IndexMode.APPROXIMATE).build();
        long t0 = System.nanoTime();
        try (Gallery g = Gallery.open(options, new StartupBench.OneClip(512))) {
            while (!"graph".equals(g.stats().indexKinds().get(StartupBench.CLIP))) {
                TimeUnit.SECONDS.sleep(1);
            }
        }
        System.out.printf(Locale.ROOT, "graph ready in %.1f s (built and persisted unless %s had one)%n", (System.nanoTime() - t0) / 1e9, gallery);
    }

    private static Path firstPicture() throws java.io.IOException {
        Path dir = Path.of(MemoryBench.OPENCLIPART);
        if (!Files.isDirectory(dir)) {
            throw new MissingPrerequisite("bench whole-bot tags one picture of " + dir + ", which is missing: install it with "
                    + "`sudo apt-get install openclipart-png` (or pass --image FILE)");
        }
        try (var s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
    }
}
