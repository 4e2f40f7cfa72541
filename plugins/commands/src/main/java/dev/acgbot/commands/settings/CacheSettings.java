package dev.acgbot.commands.settings;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.time.Duration;

/** {@code cache:} sizes (entries) and lifetime of the result caches, keyed by content. */
public record CacheSettings(long tags, long imageEmbeddings, long textEmbeddings, long searchResults, Duration expireAfterAccess) {
    public static final CacheSettings DEFAULTS = new CacheSettings(10_000, 10_000, 5_000, 2_000, Duration.ofHours(24));
    public static final SettingsSection<CacheSettings> SECTION = new SettingsSection<>("cache", CacheSettings.class, DEFAULTS);

    public CacheSettings {
        if (tags < 0 || imageEmbeddings < 0 || textEmbeddings < 0 || searchResults < 0) {
            throw new ConfigException("tags", "cache sizes must be 0 or more");
        }
    }
}
