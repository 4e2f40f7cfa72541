package dev.acgbot.app.cli;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.models.fetch.DownloadSettings;

import java.util.Map;

/** Turns the typed {@code models.download} section and the environment into the fetcher's settings. */
final class DownloadConfig {
    private DownloadConfig() {
    }

    /** The effective settings; a bad value names its key or variable. */
    static DownloadSettings settings(ModelsSettings.Download download, Map<String, String> env) {
        try {
            return DownloadSettings.resolve(download.asKeys(), env);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw new ConfigException(colon > 0 ? message.substring(0, colon) : "models.download",
                    colon > 0 ? message.substring(colon + 2) : message);
        }
    }
}
