package dev.acgbot.adapter.telegram;

import dev.acgbot.api.adapter.AdapterStartException;

/** The adapter could not connect; the message says why, never with the token in it. */
public final class TelegramStartException extends AdapterStartException {
    public TelegramStartException(Reason reason, String message) {
        super(reason, message);
    }
}
