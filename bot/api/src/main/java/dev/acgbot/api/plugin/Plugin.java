package dev.acgbot.api.plugin;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.inline.InlineHandler;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extension point: a plugin contributes commands and has a start/stop lifecycle.
 *
 * <p>Plugins are discovered with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.acgbot.api.plugin.Plugin} entry), from the application class path and
 * from jars in the configured plugins directory. They need a public no-argument constructor.
 *
 * <p>Lifecycle: constructed, then {@link #start(PluginContext)}, then {@link #commands()} is read, and
 * {@link #stop()} at shutdown. A plugin whose start fails is disabled and reported; the bot keeps running.
 */
public interface Plugin {

    /** Stable id, used as its config key under {@code plugins:}: lower-case letters, digits and dashes. */
    String id();

    /** One line for /about. */
    default String description() {
        return "";
    }

    /**
     * The configuration this plugin reads, as typed sections with their defaults: its own settings under
     * {@code plugins.<id>} (besides {@code enabled}, which the core reads) and any top-level section it owns
     * (such as {@code gallery:}). The core binds and validates them all before any plugin starts, so a typo
     * stops the bot at once; {@link PluginContext#settings} hands back the bound records.
     */
    default List<SettingsSection<?>> settings() {
        return List.of();
    }

    /**
     * Sections this plugin's settings used to live in, as former key to current key (e.g. {@code plugins.tag} to
     * {@code plugins.vision.tag}), so a config file written for an older version is answered with where each key
     * went instead of "unknown plugin". Only keys under {@code plugins:} are looked up.
     */
    default Map<String, String> movedSettings() {
        return Map.of();
    }

    /** Prepares the plugin: reads its settings, builds its collaborators, opens resources. */
    default void start(PluginContext context) throws Exception {
    }

    /** The commands this plugin handles; read once after {@link #start(PluginContext)}. */
    List<BotCommand> commands();

    /**
     * This plugin's answer to inline queries ({@code @bot 樱花} typed in any chat), read once after
     * {@link #start(PluginContext)}; the first started plugin that offers one gets them all.
     */
    default Optional<InlineHandler> inline() {
        return Optional.empty();
    }

    /** Releases resources. Must not throw. */
    default void stop() {
    }
}
