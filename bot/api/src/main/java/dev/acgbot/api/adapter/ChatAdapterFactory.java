package dev.acgbot.api.adapter;

import dev.acgbot.api.plugin.ConfigSection;

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
}
