package dev.acgbot.core.config;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.plugin.ConfigException;

import java.nio.file.Path;

/**
 * {@code bot:} the bot's name and where it writes.
 *
 * @param name       shown in /about and logs
 * @param dataDir    everything the bot writes: index, models, logs, plugin data
 * @param pluginsDir extra plugin jars; null means {@code <data_dir>/plugins}
 * @param language   the language of replies when neither the chat ({@code /lang}) nor the user's app says one:
 *                   {@code en} or {@code zh}
 */
public record BotSettings(String name, Path dataDir, Path pluginsDir, String language) {
    public static final BotSettings DEFAULTS = new BotSettings("acgbot", Path.of("data"), null, "en");
    public static final SettingsSection<BotSettings> SECTION = new SettingsSection<>("bot", BotSettings.class, DEFAULTS);

    public BotSettings {
        if (name == null || name.isBlank()) {
            throw new ConfigException("name", "must not be empty");
        }
        if (dataDir == null) {
            throw new ConfigException("data_dir", "must not be empty");
        }
        language = language == null || language.isBlank() ? "en" : language.strip();
        if (Language.fromTag(language).isEmpty()) {
            throw new ConfigException("language", "must be en, zh or ja, not '" + language + "'");
        }
    }

    public Language defaultLanguage() {
        return Language.fromTag(language).orElseThrow();
    }

    public Path pluginsDirOrDefault() {
        return pluginsDir != null ? pluginsDir : dataDir.resolve("plugins");
    }
}
