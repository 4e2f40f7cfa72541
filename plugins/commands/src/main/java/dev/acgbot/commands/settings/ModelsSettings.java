package dev.acgbot.commands.settings;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code models:} which models the vision commands use and how inference runs.
 *
 * @param dir          where fetched model files live; null means {@code <data_dir>/models}
 * @param manifestsDir extra manifest folders
 * @param device       auto, cpu, gpu or gpu:N
 * @param maxBatch     concurrent requests for one model are batched up to this size…
 * @param maxWait      …or this long after the first
 * @param eager        model ids loaded at start instead of on first use
 * @param tagger       used by /tag and to store gallery tags
 * @param clipImage    image tower for /similar, /tag keywords and the gallery
 * @param clipText     text tower for /search (same embedding space as clipImage)
 */
public record ModelsSettings(Path dir, List<Path> manifestsDir, String device, int maxBatch, Duration maxWait,
                             List<String> eager, String tagger, String clipImage, String clipText) {
    public static final ModelsSettings DEFAULTS = new ModelsSettings(null, List.of(), "auto", 32, Duration.ofMillis(5), List.of(),
            "wd-vit-tagger-v3", "cn-clip-vit-b-16-image", "cn-clip-vit-b-16-text");
    public static final SettingsSection<ModelsSettings> SECTION = new SettingsSection<>("models", ModelsSettings.class, DEFAULTS);

    public ModelsSettings {
        manifestsDir = List.copyOf(manifestsDir);
        eager = List.copyOf(eager);
        device = device.strip().toLowerCase(Locale.ROOT);
        if (!device.matches("auto|cpu|gpu(:\\d+)?")) {
            throw new ConfigException("device", "expected auto, cpu, gpu or gpu:N, got '" + device + "'");
        }
        if (maxBatch < 1) {
            throw new ConfigException("max_batch", "must be at least 1");
        }
    }

    public Path dirOr(Path botDataDir) {
        return dir != null ? dir : botDataDir.resolve("models");
    }
}
