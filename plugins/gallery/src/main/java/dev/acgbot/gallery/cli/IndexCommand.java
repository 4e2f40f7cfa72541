package dev.acgbot.gallery.cli;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexStages;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.models.api.Inference;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./acgbot index}: one reindex with a console progress bar, ending with the summary line. Ctrl-C
 * cancels after the batch in flight (everything committed stays; the next run continues).
 */
public final class IndexCommand {
    private IndexCommand() {
    }

    /**
     * @param options gallery options with the folders to index (the caller puts the command-line folders, or
     *                the configured ones, in it)
     */
    public static ReindexSummary run(GalleryOptions options, Inference inference, ReindexRequest request, PrintStream out) {
        CancellationToken token = new CancellationToken();
        Thread hook = new Thread(token::cancel, "index-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        ConsoleProgressBar bar = new ConsoleProgressBar(out);
        try (Gallery gallery = Gallery.open(options, inference)) {
            ReindexSummary summary = gallery.reindex(request, bar, token);
            bar.finish();
            out.println(summary);
            if (!summary.stages().equals(ReindexStages.NONE)) {
                out.println(summary.stages());
            }
            out.println("gallery: " + gallery.stats().images() + " images, " + gallery.stats().files() + " files, index "
                    + gallery.stats().indexKinds());
            return summary;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C: the hook has done its job
            }
        }
    }

    /** Convenience for the launcher: the given folders, the given CLIP models, everything else default. */
    public static ReindexSummary run(List<Path> folders, Path dataDir, List<String> clipModels, Inference inference, PrintStream out) {
        GalleryOptions options = GalleryOptions.builder().dataDir(dataDir).folders(folders).clipModels(clipModels).build();
        return run(options, inference, ReindexRequest.incremental(), out);
    }
}
