package dev.acgbot.api.adapter;

import dev.acgbot.api.plugin.ConfigSection;

import java.util.List;

/**
 * Creates an adapter from its configuration section ({@code adapters.<platform>}). Discovered with
 * {@link java.util.ServiceLoader}.
 */
public interface ChatAdapterFactory {

    String platform();

    /** Whether this adapter is configured to run (a token is present and it is not disabled). */
    boolean isConfigured(ConfigSection section);

    /** Validates the section and builds the adapter; throws ConfigException naming the key. */
    ChatAdapter create(ConfigSection section);

    /**
     * Checks the admin ids configured for this platform ({@code admins.<platform>}) at start, whether or not the
     * adapter runs; throws ConfigException for an id that does not stand for one person on this platform.
     */
    default void checkAdmins(List<String> adminIds) {
    }
}
