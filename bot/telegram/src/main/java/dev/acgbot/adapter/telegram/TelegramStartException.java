package dev.acgbot.adapter.telegram;

/** The adapter could not connect; the message says why, never with the token in it. */
public final class TelegramStartException extends Exception {
    public TelegramStartException(String message) {
        super(message);
    }
}
