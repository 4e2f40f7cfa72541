package dev.acgbot.app.cli;

import dev.acgbot.app.service.ControlSocket;
import dev.acgbot.commands.VisionServices;
import dev.acgbot.commands.VisionSettings;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.gallery.cli.IndexCommand;
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
    @Parameters(paramLabel = "FOLDER", arity = "0..*", description = "image folders (recursive)")
    List<Path> folders = new ArrayList<>();

    @Override
    public Integer call() {
        BotConfig bot = config.load(dataDir);
        Path data = dataDir != null ? dataDir.toAbsolutePath() : bot.dataDir();
        VisionSettings settings = VisionSettings.from(bot.root(), data);
        List<Path> chosen = folders.isEmpty() ? settings.galleryFolders() : folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
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
        if (ControlSocket.request(data.resolve(ControlSocket.FILE), "ping").isPresent()) {
            throw new CliException(1, dev.acgbot.app.UserErrors.STORE_IN_USE);
        }
        try (VisionServices vision = VisionServices.create(settings)) {
            if (!vision.isAvailable(settings.clipImageModel())) {
                System.out.println("note: CLIP model " + settings.clipImageModel() + " is not installed, so only duplicates are indexed"
                        + " (./acgbot models fetch " + settings.clipImageModel() + ")");
            }
            ReindexSummary summary = IndexCommand.run(vision.galleryOptions(chosen), vision.inference(),
                    full ? ReindexRequest.full() : ReindexRequest.incremental(), System.out);
            return summary.failed() > 0 && summary.added() + summary.updated() + summary.unchanged() == 0 ? 1 : 0;
        }
    }
}
