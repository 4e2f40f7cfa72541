package dev.acgbot.api.config;

import java.util.Objects;

/**
 * A typed part of the configuration file, declared by the code that reads it: where it lives, the record it
 * binds to, and its defaults. The defaults given here are the only place a default is written; the core
 * overlays the operator's keys on them, rejects unknown keys and wrong types naming the full key, and hands
 * back the bound record.
 *
 * <p>Keys are written in snake_case in the file and camelCase in the record ({@code max_batch} binds
 * {@code maxBatch}). Fields may be records (nested sections), lists, maps, strings, numbers, booleans,
 * enums (written in lower case), {@link java.time.Duration} ({@code 30s}, {@code 5m}, {@code 500ms}),
 * {@link DataSize} ({@code 20MB}) and {@link java.nio.file.Path} (relative paths resolve against the
 * directory of the config file). A record's compact constructor may throw
 * {@link dev.acgbot.api.plugin.ConfigException} with a key relative to the record; the core adds the path.
 *
 * @param key      dotted path from the root: a top-level key such as {@code gallery}, {@code plugins.<id>}
 *                 for a plugin's own settings, or {@code adapters.<platform>} for an adapter's
 * @param type     the record the section binds to
 * @param defaults the values of keys the operator leaves out
 */
public record SettingsSection<T>(String key, Class<T> type, T defaults) {
    public SettingsSection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaults, "defaults");
        if (!key.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_-]*)?")) {
            throw new IllegalArgumentException("a section key is a top-level key or parent.child: " + key);
        }
    }

    /** The top-level key this section lives under. */
    public String topLevelKey() {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
