package dev.acgbot.core.plugins;

import dev.acgbot.api.plugin.Plugin;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A discovered plugin and where it came from.
 *
 * @param plugin the instance
 * @param jar    the plugin jar, or empty when it came from the application class path
 */
public record PluginSource(Plugin plugin, Optional<Path> jar) {

    public String describeOrigin() {
        return jar.map(p -> "jar " + p.getFileName()).orElse("class path");
    }
}
