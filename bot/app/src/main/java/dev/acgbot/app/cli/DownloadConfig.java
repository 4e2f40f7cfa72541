package dev.acgbot.app.cli;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.ConfigSection;
import dev.acgbot.models.fetch.DownloadSettings;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code models.download} section as written in the file: {@code hf_endpoint}, {@code hf_token},
 * {@code https_proxy}, {@code http_proxy}, {@code all_proxy}, {@code no_proxy}. The environment
 * ({@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code HTTPS_PROXY}, ...) overrides each, as everywhere in acgbot.
 *
 * @param values the keys present, as text
 */
record DownloadConfig(Map<String, String> values) {

    static DownloadConfig from(ConfigSection root) {
        ConfigSection section = root.section("models").section("download");
        Map<String, String> values = new TreeMap<>();
        for (String key : section.keys()) {
            if (!DownloadSettings.KEYS.containsKey(key)) {
                throw new ConfigException("models.download." + key,
                        "unknown key; known keys here are " + new TreeSet<>(DownloadSettings.KEYS.keySet()));
            }
            section.string(key).ifPresent(v -> values.put(key, v));
        }
        return new DownloadConfig(Map.copyOf(values));
    }

    /** The effective settings; a bad value names its key or variable. */
    DownloadSettings settings(Map<String, String> env) {
        try {
            return DownloadSettings.resolve(values, env);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw new ConfigException(colon > 0 ? message.substring(0, colon) : "models.download",
                    colon > 0 ? message.substring(colon + 2) : message);
        }
    }
}
