package dev.acgbot.app.cli;

import dev.acgbot.app.service.ControlSocket;
import dev.acgbot.commands.ModelAvailability;
import dev.acgbot.commands.VisionGallery;
import dev.acgbot.commands.plugin.VisionPlugin;
import dev.acgbot.commands.settings.GallerySettings;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.GalleryOutOfMemoryException;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.gallery.cli.IndexCommand;
import dev.acgbot.models.runtime.InferenceRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code acgbot index [--data-dir DIR] [--full] [FOLDER...]}: the same reindex as /reindex, with a progress bar. */
@Command(name = "index", description = {"Index image folders into the gallery (incremental; Ctrl-C keeps what is done).",
        "Without folders, indexes the configured gallery.folders."})
public final class IndexCli implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default: bot.data_dir)")
    Path dataDir;
    @Option(names = "--full", description = "re-read every file, even unchanged ones")
    boolean full;
    @Option(names = "--ignore-failed-check", description = "index even with a model whose last `models check` failed")
    boolean ignoreFailedCheck;
    @Parameters(paramLabel = "FOLDER", arity = "0..*", description = "image folders (recursive)")
    List<Path> folders = new ArrayList<>();

    @Override
    public Integer call() {
        BotConfig bot = config.load(dataDir);
        Path botDataDir = dataDir != null ? dataDir.toAbsolutePath().normalize() : bot.dataDir();
        ModelsSettings models = bot.section(ModelsSettings.SECTION);
        GallerySettings gallery = bot.section(GallerySettings.SECTION);
        List<Path> chosen = folders.isEmpty() ? gallery.folders() : folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (chosen.isEmpty()) {
            System.err.println("acgbot: no folders to index: give them on the command line or set gallery.folders in the configuration");
            return 2;
        }
        for (Path folder : chosen) {
            if (!Files.isDirectory(folder)) {
                System.err.println("acgbot: not a folder: " + folder);
                return 2;
            }
        }
        if (ControlSocket.request(botDataDir.resolve(ControlSocket.FILE), "ping").isPresent()) {
            throw new CliException(1, dev.acgbot.app.UserErrors.STORE_IN_USE);
        }
        try (InferenceRuntime runtime = VisionPlugin.inferenceRuntime(models, botDataDir)) {
            ModelAvailability availability = new ModelAvailability(runtime);
            if (models.similarModel(availability::isAvailable).isEmpty()) {
                System.out.println("note: CLIP model " + models.clipImage() + " is not installed, so only duplicates are indexed"
                        + " (./acgbot models fetch " + models.clipImage() + ")");
            }
            if (!ignoreFailedCheck && refusedByCheck(runtime, models)) {
                return 2;
            }
            GalleryOptions options = new VisionGallery(gallery, models, botDataDir, runtime, availability,
                    bot.section(SafetySettings.SECTION)).options(chosen);
            ReindexSummary summary;
            try {
                summary = IndexCommand.run(options, runtime, full ? ReindexRequest.full() : ReindexRequest.incremental(), System.out);
            } catch (GalleryOutOfMemoryException e) {
                System.err.println("acgbot: the reindex " + e.getMessage());
                return 3;
            }
            return summary.failed() > 0 && summary.added() + summary.updated() + summary.unchanged() == 0 ? 1 : 0;
        }
    }

    /** A model whose last check failed would fill the index with wrong vectors or tags: say why and how to go on. */
    private static boolean refusedByCheck(InferenceRuntime runtime, ModelsSettings models) {
        boolean refused = false;
        for (String model : List.of(models.clipImage(), models.tagger())) {
            var failed = runtime.failedCheck(model);
            if (failed.isPresent()) {
                System.err.println("acgbot: model " + model + " failed its last check (" + failed.get().checkedAt() + "): "
                        + failed.get().reason().replaceFirst("^FAIL ", ""));
                refused = true;
            }
        }
        if (refused) {
            System.err.println("acgbot: not indexing with it. Fix the manifest or files and run ./acgbot models check,"
                    + " or index anyway with --ignore-failed-check");
        }
        return refused;
    }
}
