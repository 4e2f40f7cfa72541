package dev.acgbot.app.cli;

import dev.acgbot.commands.settings.GallerySettings;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code acgbot heap [-c FILE]}, the launcher's, not a user's: the heap the configured gallery needs, from its files'
 * headers ({@link Gallery#suggestedHeap}), as an {@code -Xmx} value such as {@code 1152m}; nothing while the gallery
 * has no files. The launcher gives the bot the larger of this and its budget's quarter, so a gallery of a million
 * images opens without a heap setting (a quarter of the default 2.5 GB budget, 640 MB, holds about 850k).
 * Reads the configuration only: no model, no store, no log line.
 */
@Command(name = "heap", hidden = true, description = "Print the heap the configured gallery needs (for the launcher).")
public final class HeapCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        Path chosen = config.chosenFile();
        BotConfig bot = chosen == null ? BotConfig.defaults() : BotConfig.load(chosen);
        GallerySettings gallery = bot.section(GallerySettings.SECTION);
        OptionalLong heap = Gallery.suggestedHeap(GalleryOptions.builder()
                .dataDir(gallery.dataDirOr(bot.dataDir()))
                .indexMode(gallery.index())
                .approximateThreshold(gallery.approximateThreshold())
                .vectorPrecision(gallery.vectorPrecision())
                .build());
        heap.ifPresent(bytes -> System.out.println((bytes >> 20) + "m"));
        return 0;
    }
}
