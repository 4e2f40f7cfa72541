package dev.acgbot.core.config;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.nio.file.Path;

/**
 * {@code bot:} the bot's name and where it writes.
 *
 * @param name       shown in /about and logs
 * @param dataDir    everything the bot writes: index, models, logs, plugin data
 * @param pluginsDir extra plugin jars; null means {@code <data_dir>/plugins}
 */
public record BotSettings(String name, Path dataDir, Path pluginsDir) {
    public static final BotSettings DEFAULTS = new BotSettings("acgbot", Path.of("data"), null);
    public static final SettingsSection<BotSettings> SECTION = new SettingsSection<>("bot", BotSettings.class, DEFAULTS);

    public BotSettings {
        if (name == null || name.isBlank()) {
            throw new ConfigException("name", "must not be empty");
        }
        if (dataDir == null) {
            throw new ConfigException("data_dir", "must not be empty");
        }
    }

    public Path pluginsDirOrDefault() {
        return pluginsDir != null ? pluginsDir : dataDir.resolve("plugins");
    }
}
