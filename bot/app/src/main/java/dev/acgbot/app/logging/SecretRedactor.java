package dev.acgbot.app.logging;

import dev.acgbot.adapterkit.TokenRedactor;

/**
 * The log pattern's view of the configured secrets: logback creates the converters itself, so the
 * secrets registered at start live here; the masking is the adapters' {@link TokenRedactor}.
 */
public final class SecretRedactor {
    private static volatile TokenRedactor current = TokenRedactor.shapesOnly();

    private SecretRedactor() {
    }

    /** Registers a configured secret so that its exact value is masked wherever it appears. */
    public static synchronized void register(String secret) {
        // shorter values would mask ordinary words
        if (secret != null && secret.length() >= 8) {
            current = current.with(secret);
        }
    }

    public static String redact(String text) {
        return current.redact(text);
    }
}
