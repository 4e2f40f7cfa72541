package dev.acgbot.bench.memory;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexStages;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.runtime.ArenaMode;
import dev.acgbot.models.runtime.InferenceRuntime;
import dev.acgbot.models.runtime.MemoryBudget;
import dev.acgbot.models.runtime.MemoryPlan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole bot's model side in one JVM, as {@code MemoryBench} starts it (heap and glibc settings as the launcher
 * gives them): the three stand-in models loaded through the product's {@link InferenceRuntime} under a memory
 * budget (or, with budget {@code none}, as before issue 17: CPU arena on, batch up to 32), then RSS at rest, the
 * peak of one /tag (tagger on one image), the peak of one /search (text tower), and the peak of a full reindex of
 * a folder through the product's {@link Gallery} (CLIP image tower and tagger, as the bot configures it). Prints
 * one line: {@code BOTPROBE rest tag search reindex added seconds batches failed} followed by the reindex's stages
 * ({@link ReindexStages}, issue 15 goal 5): {@code engineBusy overallImagesPerS decode commit preprocess inference},
 * the last two as {@code model=imagesPerS,…} ({@code -} when empty).
 *
 * <p>Arguments: manifestDir budget(size|none) imagesDir workDir tagger clipImage clipText threads.
 */
public final class BotProbe {
    private BotProbe() {
    }

    /** {@code model=imagesPerS,…}, or {@code -} when there are none. */
    static String perModel(List<ReindexStages.ModelStage> stages) {
        return stages.isEmpty() ? "-" : String.join(",", stages.stream()
                .map(s -> String.format(java.util.Locale.ROOT, "%s=%.4f", s.model(), s.imagesPerSecond())).toList());
    }

    public static void main(String[] a) throws Exception {
        Path manifests = Path.of(a[0]);
        boolean before = a[1].equals("none");
        Path images = Path.of(a[2]);
        Path work = Path.of(a[3]);
        String tagger = a[4];
        String clipImage = a[5];
        String clipText = a[6];
        int threads = Integer.parseInt(a[7]);
        InferenceRuntime.Builder b = InferenceRuntime.builder().builtIns(false).manifestDirs(manifests)
                .modelDir(work.resolve("models")).device("cpu").intraOpThreads(threads)
                .eagerLoad(tagger, clipImage, clipText);
        if (before) {
            b.arena(ArenaMode.KEPT).maxBatch(32);
        } else {
            b.memoryBudget(MemoryBudget.parse(a[1], 0), List.of(tagger, clipImage, clipText));
        }
        try (InferenceRuntime runtime = b.build()) {
            String batches = runtime.memoryPlan().map(p -> p.models().values().stream()
                    .map(MemoryPlan.ModelCost::batch).map(String::valueOf).reduce((x, y) -> x + "/" + y).orElse(""))
                    .orElse("32/32/32");
            System.gc();
            Thread.sleep(500);
            long rest = ProcStatus.rss();
            ProcStatus.resetPeak();
            try (var files = java.nio.file.Files.list(images)) {
                Path first = files.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
                DecodedImage img = new ImageDecoder(DecodeLimits.defaults()).decode(first);
                runtime.tag(tagger, List.of(img));
                runtime.embedImages(clipImage, List.of(img)); // /tag's keywords and /similar use the image tower too
            }
            long tag = ProcStatus.hwm();
            ProcStatus.resetPeak();
            runtime.embedText(clipText, "一只在樱花树下的猫");
            long search = ProcStatus.hwm();
            ProcStatus.resetPeak();
            GalleryOptions options = GalleryOptions.builder().dataDir(work.resolve("gallery")).folders(List.of(images))
                    .clipModels(List.of(clipImage)).taggerModel(Optional.of(tagger)).build();
            long t0 = System.nanoTime();
            ReindexSummary summary;
            try (Gallery gallery = Gallery.open(options, runtime)) {
                summary = gallery.reindex(ReindexRequest.full(), p -> { }, CancellationToken.none());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long reindex = ProcStatus.hwm();
            ReindexStages st = summary.stages();
            System.out.printf(java.util.Locale.ROOT, "BOTPROBE %d %d %d %d %d %.2f %s %d %.4f %.4f %.4f %.4f %s %s%n", rest, tag,
                    search, reindex, summary.added(), seconds, batches, summary.failed(), st.engineBusy(), st.imagesPerSecond(),
                    st.decode().imagesPerSecond(), st.commit().imagesPerSecond(), perModel(st.preprocess()), perModel(st.inference()));
        }
    }
}
