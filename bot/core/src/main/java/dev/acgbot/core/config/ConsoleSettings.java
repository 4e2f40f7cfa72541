package dev.acgbot.core.config;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.util.Locale;

/**
 * {@code adapters.console:} the local console runs when no other adapter is configured ({@code auto}),
 * always ({@code true}) or never ({@code false}).
 */
public record ConsoleSettings(String enabled) {
    public static final ConsoleSettings DEFAULTS = new ConsoleSettings("auto");
    public static final SettingsSection<ConsoleSettings> SECTION = new SettingsSection<>("adapters.console", ConsoleSettings.class, DEFAULTS);

    public ConsoleSettings {
        enabled = enabled == null ? "auto" : enabled.strip().toLowerCase(Locale.ROOT);
        if (!enabled.matches("auto|true|false")) {
            throw new ConfigException("enabled", "expected auto, true or false, got '" + enabled + "'");
        }
    }

    /** Whether the console runs, given whether any chat adapter does. */
    public boolean runs(boolean chatAdapterConfigured) {
        return switch (enabled) {
            case "auto" -> !chatAdapterConfigured;
            case "true" -> true;
            default -> false;
        };
    }
}
