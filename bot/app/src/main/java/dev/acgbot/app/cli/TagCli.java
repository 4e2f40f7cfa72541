package dev.acgbot.app.cli;

import dev.acgbot.commands.captions.CaptionJob;
import dev.acgbot.commands.captions.CaptionOptions;
import dev.acgbot.commands.plugin.VisionPlugin;
import dev.acgbot.commands.prompt.PromptStyle;
import dev.acgbot.commands.prompt.TagBlacklist;
import dev.acgbot.commands.settings.GallerySettings;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.commands.settings.VisionSettings;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.models.api.ModelBusyException;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.runtime.InferenceRuntime;
import dev.acgbot.models.runtime.MemoryPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code acgbot tag FOLDER [--captions]}: the tags of every image in a folder, printed, or written as training
 * captions beside the images ({@code a.png} → {@code a.txt}, the format kohya-ss and WD14-tagger users train with).
 */
@Command(name = "tag", description = {"Tag every image in a folder; with --captions, write a caption file beside each",
        "(a.png -> a.txt: comma-separated tags, characters first, as kohya-ss and the WD14 tagger write them).",
        "Thresholds, blacklist and style default to plugins.vision.tag; existing captions are skipped (a rerun resumes)."})
public final class TagCli implements Callable<Integer> {
    private static final int LISTED = 20;

    @Mixin
    ConfigOption config;
    @Parameters(paramLabel = "FOLDER", description = "a folder of images (or one image)")
    Path folder;
    @Option(names = "--captions", description = "write a caption file beside each image (default: print the tags)")
    boolean captions;
    @Option(names = "--overwrite", description = "replace captions that exist (default: skip those images)")
    boolean overwrite;
    @Option(names = {"-r", "--recursive"}, description = "also the images in subfolders")
    boolean recursive;
    @Option(names = "--threshold", paramLabel = "N", description = "general tags at or above this score (default: plugins.vision.tag.general_threshold)")
    Double threshold;
    @Option(names = "--character-threshold", paramLabel = "N", description = "character tags likewise (default: plugins.vision.tag.character_threshold)")
    Double characterThreshold;
    @Option(names = "--words", paramLabel = "spaces|underscores", description = "long hair or long_hair (default: plugins.vision.tag.captions.words)")
    PromptStyle.Words words;
    @Option(names = "--escape", negatable = true, description = "write ganyu \\(genshin impact\\) instead of ganyu (genshin impact) (default: plugins.vision.tag.captions.escape_parentheses)")
    Boolean escape;
    @Option(names = "--blacklist", paramLabel = "TAGS", split = ",", description = "more tags never to write, besides plugins.vision.tag.blacklist")
    List<String> blacklist = List.of();
    @Option(names = "--extension", paramLabel = "EXT", description = "caption file extension (default: txt)")
    String extension = "txt";
    @Option(names = "--ignore-failed-check", description = "use the tagger even if its last `models check` failed")
    boolean ignoreFailedCheck;

    @Override
    public Integer call() throws IOException {
        BotConfig bot = config.load();
        ModelsSettings models = bot.section(ModelsSettings.SECTION);
        VisionSettings.Tag tag = bot.section(VisionSettings.SECTION).tag();
        if (!Files.exists(folder)) {
            throw new CliException(2, "no such folder: " + folder);
        }
        if (models.tagger() == null || models.tagger().isBlank()) {
            throw new CliException(2, "no tagger is configured: set models.tagger in the configuration");
        }
        PromptStyle style = new PromptStyle(words != null ? words : tag.captions().words(),
                escape != null ? escape : tag.captions().escapeParentheses());
        CaptionOptions options = new CaptionOptions(threshold != null ? threshold : tag.generalThreshold(),
                characterThreshold != null ? characterThreshold : tag.characterThreshold(),
                TagBlacklist.of(tag.blacklist()).plus(TagBlacklist.of(blacklist)), style, extension, captions, overwrite, recursive);
        try (InferenceRuntime runtime = VisionPlugin.inferenceRuntime(models, bot.dataDir())) {
            String tagger = models.tagger();
            Optional<ModelInfo> info = runtime.model(tagger);
            if (info.isEmpty() || !info.get().available()) {
                throw new CliException(2, "the tagger " + tagger + " is not installed: ./acgbot models fetch " + tagger);
            }
            var failed = runtime.failedCheck(tagger);
            if (failed.isPresent() && !ignoreFailedCheck) {
                throw new CliException(2, "model " + tagger + " failed its last check (" + failed.get().checkedAt() + "): "
                        + failed.get().reason().replaceFirst("^FAIL ", "") + "; fix it, or tag anyway with --ignore-failed-check");
            }
            int batch = runtime.memoryPlan().map(p -> p.models().get(tagger)).map(MemoryPlan.ModelCost::batch).orElse(models.maxBatch());
            CaptionJob job = new CaptionJob(runtime, tagger, batch, Math.max(256, info.get().inputSide()),
                    bot.section(GallerySettings.SECTION).decodeLimits(), options);
            Progress progress = new Progress(System.out, captions && System.console() != null);
            CaptionJob.Summary summary;
            try {
                summary = job.run(folder.toAbsolutePath().normalize(), progress);
            } catch (ModelUnavailableException | ModelBusyException e) {
                // files removed or corrupted while running, or the engine's queue full: what is written stays written
                progress.finish();
                throw new CliException(2, "the tagger " + tagger + " stopped: " + e.getMessage()
                        + " (captions written so far are kept; run the same command again to go on)");
            }
            progress.finish();
            report(summary, System.out);
            return summary.failed().isEmpty() || summary.written() + summary.skipped() > 0 ? 0 : 1;
        }
    }

    /** One summary line, then each failure and each file that is not an image (the first {@value LISTED} of each). */
    void report(CaptionJob.Summary s, PrintStream out) {
        out.printf(Locale.ROOT, "%s %d, skipped %d%s, failed %d, not images %d in %.1f s%n",
                captions ? "captions: written" : "tagged", s.written(), s.skipped(),
                s.skipped() > 0 ? " (caption exists; --overwrite replaces)" : "", s.failed().size(), s.notImages().size(),
                s.took().toMillis() / 1000.0);
        list(s.failed().stream().map(f -> "  failed: " + f.file() + ": " + f.reason()).toList(), out);
        list(s.notImages().stream().map(p -> "  not an image: " + p).toList(), out);
    }

    private static void list(List<String> lines, PrintStream out) {
        lines.stream().limit(LISTED).forEach(out::println);
        if (lines.size() > LISTED) {
            out.println("  … and " + (lines.size() - LISTED) + " more");
        }
    }

    /** A carriage-return progress line on a terminal, at most ten redraws a second; the captions when printing them. */
    static final class Progress implements CaptionJob.Listener {
        private final PrintStream out;
        private final boolean draw;
        private long lastDraw;
        private boolean drawn;

        Progress(PrintStream out, boolean draw) {
            this.out = out;
            this.draw = draw;
        }

        @Override
        public void progress(int done, int total) {
            long now = System.nanoTime();
            if (!draw || (now - lastDraw < 100_000_000L && done < total)) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * done / total);
            out.printf(Locale.ROOT, "\rcaptions [%s%s] %d/%d %3d%%", "#".repeat(filled), "-".repeat(width - filled), done, total,
                    total == 0 ? 100 : 100L * done / total);
            out.flush();
            drawn = true;
        }

        @Override
        public void caption(Path image, String caption) {
            out.println(image + ": " + caption);
        }

        void finish() {
            if (drawn) {
                out.println();
            }
        }
    }
}
