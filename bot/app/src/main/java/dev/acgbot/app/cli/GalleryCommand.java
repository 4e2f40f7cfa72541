package dev.acgbot.app.cli;

import dev.acgbot.app.service.ControlSocket;
import dev.acgbot.commands.settings.GallerySettings;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.gallery.GalleryArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code acgbot gallery backup FILE | restore FILE}: a consistent copy of the gallery index, also while the bot runs. */
@Command(name = "gallery", description = "Back up and restore the gallery index.",
        subcommands = {GalleryCommand.Backup.class, GalleryCommand.Restore.class})
public final class GalleryCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new CliException(2, "choose 'gallery backup FILE' or 'gallery restore FILE' (see: acgbot gallery --help)");
    }

    /** The data and gallery folders a subcommand works on. */
    record Folders(Path dataDir, Path galleryDir) {
        static Folders of(ConfigOption config, Path dataDirOverride) {
            BotConfig bot = config.load(dataDirOverride);
            Path dataDir = dataDirOverride != null ? dataDirOverride.toAbsolutePath().normalize() : bot.dataDir();
            return new Folders(dataDir, bot.section(GallerySettings.SECTION).dataDirOr(dataDir));
        }

        Path socket() {
            return dataDir.resolve(ControlSocket.FILE);
        }
    }

    @Command(name = "backup", description = {"Write a consistent copy of the gallery index to FILE (a zip).",
            "While the bot runs, the bot writes it between two commits; otherwise this command holds the store's lock."})
    static final class Backup implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default: bot.data_dir)")
        Path dataDir;
        @Parameters(paramLabel = "FILE", description = "the backup to write, e.g. gallery-2025-01-31.zip")
        Path file;

        @Override
        public Integer call() throws IOException {
            Folders folders = Folders.of(config, dataDir);
            Path target = file.toAbsolutePath().normalize();
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Optional<String> answer = ControlSocket.request(folders.socket(), "backup " + target);
            long bytes;
            if (answer.isPresent()) {
                if (!answer.get().startsWith("ok ")) {
                    throw new CliException(1, "the running bot could not back up the gallery: " + answer.get().replaceFirst("^error ", ""));
                }
                bytes = Long.parseLong(answer.get().substring(3).strip());
                System.out.println("backed up by the running bot: " + target + " (" + (bytes >> 10) + " KB)");
                return 0;
            }
            bytes = GalleryArchive.backupOffline(folders.galleryDir(), target)
                    .orElseThrow(() -> new CliException(1, "the gallery is in use by a running bot that cannot be reached through "
                            + folders.socket() + "; stop it, then back up"));
            System.out.println("backed up " + folders.galleryDir() + " to " + target + " (" + (bytes >> 10) + " KB)");
            return 0;
        }
    }

    @Command(name = "restore", description = {"Bring back a gallery index from a backup (the bot must be stopped).",
            "The gallery folder must be empty or absent: move the old one away first."})
    static final class Restore implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default: bot.data_dir)")
        Path dataDir;
        @Parameters(paramLabel = "FILE", description = "a backup written by 'gallery backup'")
        Path file;

        @Override
        public Integer call() throws IOException {
            Folders folders = Folders.of(config, dataDir);
            if (!Files.isRegularFile(file)) {
                throw new CliException(2, "no such backup: " + file.toAbsolutePath());
            }
            if (ControlSocket.request(folders.socket(), "ping").isPresent()) {
                throw new CliException(1, "a bot is running with " + folders.dataDir() + "; stop it before restoring");
            }
            int files = GalleryArchive.restore(file, folders.galleryDir());
            System.out.println("restored " + files + " file(s) into " + folders.galleryDir());
            return 0;
        }
    }
}
