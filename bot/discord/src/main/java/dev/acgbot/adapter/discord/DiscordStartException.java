package dev.acgbot.adapter.discord;

/** The adapter could not connect; the message says why, never with the token in it. */
public final class DiscordStartException extends Exception {
    public DiscordStartException(String message) {
        super(message);
    }
}
