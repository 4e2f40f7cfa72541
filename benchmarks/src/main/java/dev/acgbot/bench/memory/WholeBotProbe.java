package dev.acgbot.bench.memory;

import dev.acgbot.bench.gallery.StartupBench;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.IndexMode;
import dev.acgbot.gallery.SearchFilter;
import dev.acgbot.gallery.SearchHit;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.runtime.InferenceRuntime;
import dev.acgbot.models.runtime.MemoryBudget;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@link WholeBotBench}'s child JVM: the default model set loaded through the product's {@link InferenceRuntime}
 * under the memory budget (as the bot loads it), then a kept gallery opened from its files, then one /tag and one
 * /search. Prints one line: {@value #TAG} followed by {@link Result}'s fields in order.
 *
 * <p>Arguments: manifestDir budgetBytes galleryDir graph(true|false) picture tagger clipImage clipText threads.
 */
public final class WholeBotProbe {
    static final String TAG = "WHOLEBOT";

    /**
     * What the probe measured; bytes unless named otherwise.
     *
     * @param models      RSS with the three models loaded, before the gallery
     * @param galleryRest RSS after the gallery opened and answered its first search
     * @param anonymous   of it anonymous memory (heap, native buffers, model weights)
     * @param fileBacked  of it pages of mapped files (the store, the fp16 re-rank file)
     * @param tagPeak     peak RSS of one /tag (tagger and image tower on one picture)
     * @param searchPeak  peak RSS of one /search (text tower, then the gallery search with its vector)
     * @param heapUsed    heap in use after the answers, after a GC
     * @param images      images in the gallery
     * @param hits        hits of the /search
     * @param openMs      from the start of the open to the first answer
     */
    record Result(long models, long galleryRest, long anonymous, long fileBacked, long tagPeak, long searchPeak, long heapUsed,
                  long images, int hits, double openMs) {
        String line() {
            return String.format(Locale.ROOT, "%s %d %d %d %d %d %d %d %d %d %.1f", TAG, models, galleryRest, anonymous, fileBacked,
                    tagPeak, searchPeak, heapUsed, images, hits, openMs);
        }

        static Result parse(String[] f) {
            return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                    Integer.parseInt(f[9]), Double.parseDouble(f[10]));
        }
    }

    private WholeBotProbe() {
    }

    public static void main(String[] a) throws Exception {
        Path manifests = Path.of(a[0]);
        MemoryBudget budget = new MemoryBudget(Long.parseLong(a[1]));
        Path galleryDir = Path.of(a[2]);
        boolean graph = Boolean.parseBoolean(a[3]);
        Path picture = Path.of(a[4]);
        String tagger = a[5];
        String clipImage = a[6];
        String clipText = a[7];
        int threads = Integer.parseInt(a[8]);
        InferenceRuntime.Builder b = InferenceRuntime.builder().builtIns(false).manifestDirs(manifests)
                .modelDir(java.nio.file.Files.createTempDirectory("acgbot-whole-bot")).device("cpu").intraOpThreads(threads)
                .eagerLoad(tagger, clipImage, clipText).memoryBudget(budget, List.of(tagger, clipImage, clipText));
        try (InferenceRuntime runtime = b.build()) {
            System.gc();
            Thread.sleep(500);
            long models = ProcStatus.rss();
            float[] query = runtime.embedText(clipText, "一只在樱花树下的猫").vector();
            GalleryOptions options = GalleryOptions.builder().dataDir(galleryDir).clipModels(List.of(StartupBench.CLIP))
                    .indexMode(graph ? IndexMode.APPROXIMATE : IndexMode.EXACT).build();
            long t0 = System.nanoTime();
            try (Gallery gallery = Gallery.open(options, new StartupBench.OneClip(query.length))) {
                gallery.searchByVector(StartupBench.CLIP, query, 10, SearchFilter.none());
                double openMs = (System.nanoTime() - t0) / 1e6;
                System.gc();
                Thread.sleep(500);
                long rest = ProcStatus.rss();
                long anonymous = ProcStatus.field("self", "RssAnon:");
                long file = ProcStatus.field("self", "RssFile:");
                ProcStatus.resetPeak();
                DecodedImage img = new ImageDecoder(DecodeLimits.defaults()).decode(picture);
                runtime.tag(tagger, List.of(img));
                runtime.embedImages(clipImage, List.of(img));
                long tag = ProcStatus.hwm();
                ProcStatus.resetPeak();
                float[] text = runtime.embedText(clipText, "穿着和服的少女").vector();
                List<SearchHit> hits = gallery.searchByVector(StartupBench.CLIP, text, 10, SearchFilter.none());
                long search = ProcStatus.hwm();
                System.gc();
                Thread.sleep(200);
                Runtime rt = Runtime.getRuntime();
                long images = gallery.stats().embeddings().get(StartupBench.CLIP);
                System.out.println(new Result(models, rest, anonymous, file, tag, search, rt.totalMemory() - rt.freeMemory(),
                        images, hits.size(), openMs).line());
            }
        }
    }
}
