package dev.acgbot.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.acgbot.api.config.SettingsSection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code admins:} immutable user ids per platform ({@code telegram: ["123"]}). The platforms are whatever
 * adapters exist; {@link dev.acgbot.core.AdapterSelection} rejects a platform no adapter has.
 */
public record AdminSettings(Map<String, List<String>> byPlatform) {
    public static final AdminSettings DEFAULTS = new AdminSettings(Map.of());
    public static final SettingsSection<AdminSettings> SECTION = new SettingsSection<>("admins", AdminSettings.class, DEFAULTS);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AdminSettings {
        Map<String, List<String>> copy = new TreeMap<>();
        if (byPlatform != null) {
            // an empty list says the same as no list: both mean "nobody on this platform"
            byPlatform.forEach((platform, ids) -> {
                if (ids != null && !ids.isEmpty()) {
                    copy.put(platform, List.copyOf(ids));
                }
            });
        }
        byPlatform = Map.copyOf(copy);
    }

    @JsonValue
    @Override
    public Map<String, List<String>> byPlatform() {
        return byPlatform;
    }

    public List<String> ids(String platform) {
        return byPlatform.getOrDefault(platform, List.of());
    }
}
