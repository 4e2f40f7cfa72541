package dev.acgbot.adapter.discord;

import dev.acgbot.api.adapter.AdapterStartException;

/** The adapter could not connect; the message says why, never with the token in it. */
public final class DiscordStartException extends AdapterStartException {
    public DiscordStartException(Reason reason, String message) {
        super(reason, message);
    }
}
