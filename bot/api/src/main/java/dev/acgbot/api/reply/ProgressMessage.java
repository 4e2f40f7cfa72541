package dev.acgbot.api.reply;

/** A message shown once and then edited in place. */
public interface ProgressMessage {

    /** Replaces the message text. Callers rate-limit their own updates. */
    void update(String text);
}
