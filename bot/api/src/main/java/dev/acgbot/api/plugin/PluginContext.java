package dev.acgbot.api.plugin;

import java.nio.file.Path;
import java.util.List;

/** What the bot gives a plugin at start. */
public interface PluginContext {

    /** This plugin's section of the configuration ({@code plugins.<id>}), empty when absent. */
    ConfigSection config();

    /** The whole configuration, read-only, for shared sections such as {@code models} or {@code gallery}. */
    ConfigSection rootConfig();

    /** A directory this plugin may write to, created on demand, inside the bot's data directory. */
    Path dataDir();

    /** The bot's data directory. */
    Path botDataDir();

    /** Services shared between plugins (model runtime, gallery index); see {@link Services}. */
    Services services();

    /** Version of the running bot. */
    String botVersion();

    /** Ids of all plugins that are enabled, for /about. */
    List<String> enabledPlugins();
}
