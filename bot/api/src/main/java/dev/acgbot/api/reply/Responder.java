package dev.acgbot.api.reply;

import dev.acgbot.api.i18n.Language;

/**
 * Where a command's answers go. Implemented by each adapter for the chat the command came from.
 * Implementations are thread-safe and never throw for delivery failures: they log them instead.
 */
public interface Responder {

    /** Sends one reply. */
    void send(Reply reply);

    /**
     * Sends a message that can be edited in place later, for progress of long jobs.
     * Adapters that cannot edit send a new message on each update.
     */
    ProgressMessage progress(String initialText);

    /**
     * Called once by the core when the command has finished (answered, failed, refused or timed out).
     * Adapters use it to finalise deferred interactions; the console uses it to run scripts in order.
     */
    default void completed() {
    }

    /**
     * Whether every command must get its own answer. True where the platform shows a pending state until the
     * command is answered (a Discord interaction's "thinking…"); false where answers are ordinary chat messages,
     * so that the core may leave out a repeated refusal ("slow down") instead of flooding the chat with them.
     */
    default boolean answerRequired() {
        return false;
    }

    /**
     * The language the core chose for this conversation (the chat's /lang, the user's app language, the default),
     * told before any reply, so that an adapter words its own notes ("the platform did not accept the images")
     * in it. The replies themselves arrive already worded.
     */
    default void useLanguage(Language language) {
    }
}
