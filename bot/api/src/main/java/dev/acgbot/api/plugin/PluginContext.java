package dev.acgbot.api.plugin;

import dev.acgbot.api.config.SettingsSection;

import java.nio.file.Path;
import java.util.List;

/** What the bot gives a plugin at start. */
public interface PluginContext {

    /**
     * A section this plugin declared in {@link Plugin#settings()}, bound to its record and validated (the
     * operator's keys over the declared defaults).
     *
     * @throws IllegalArgumentException when the plugin did not declare that section
     */
    <T> T settings(SettingsSection<T> section);

    /** A directory this plugin may write to, created on demand, inside the bot's data directory. */
    Path dataDir();

    /** The bot's data directory. */
    Path botDataDir();

    /** Services shared between plugins; see {@link Services}. */
    Services services();

    /** Version of the running bot. */
    String botVersion();

    /**
     * How many commands run at once ({@code executor.workers}): a plugin that caps its own heavy work (large image
     * decodes, say) sizes the cap below this, so one user's uploads never occupy every worker.
     */
    int commandWorkers();

    /** Ids of all plugins that are enabled, for /about. */
    List<String> enabledPlugins();
}
