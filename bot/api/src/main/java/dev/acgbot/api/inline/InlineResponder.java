package dev.acgbot.api.inline;

/**
 * Where the core sends the answer to one inline query: exactly once, results or none. Implementations return
 * at once and do the sending on their own threads (the core may call from an adapter's or a worker's thread).
 */
@FunctionalInterface
public interface InlineResponder {
    void answer(InlineAnswer answer);
}
