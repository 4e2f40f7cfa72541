package dev.acgbot.api.adapter;

import dev.acgbot.api.config.SettingsSection;

import java.nio.file.Path;
import java.util.List;

/**
 * Creates an adapter from its configuration section ({@code adapters.<platform>}), which the core binds to
 * the declared record. Discovered with {@link java.util.ServiceLoader}.
 *
 * @param <S> the record of the adapter's section
 */
public interface ChatAdapterFactory<S> {

    String platform();

    /** The section {@code adapters.<platform>}: its record and defaults. */
    SettingsSection<S> settings();

    /** Whether this adapter is configured to run (a token is present and it is not disabled). */
    boolean isConfigured(S settings);

    /** Validates the settings and builds the adapter; throws ConfigException naming the key. */
    ChatAdapter create(S settings);

    /**
     * Builds the adapter with a directory of its own for what it keeps across restarts (Telegram's upload ids,
     * say), inside the bot's data directory; by default the adapter keeps nothing.
     */
    default ChatAdapter create(S settings, Path dataDir) {
        return create(settings);
    }

    /**
     * Checks the admin ids configured for this platform ({@code admins.<platform>}) at start, whether or not the
     * adapter runs; throws ConfigException for an id that does not stand for one person on this platform.
     */
    default void checkAdmins(List<String> adminIds) {
    }
}
