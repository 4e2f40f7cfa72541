package dev.acgbot.api.inline;

import dev.acgbot.api.i18n.Language;

/**
 * Where the core sends the answer to one inline query: exactly once, results or none. Implementations return
 * at once and do the sending on their own threads (the core may call from an adapter's or a worker's thread).
 */
@FunctionalInterface
public interface InlineResponder {
    void answer(InlineAnswer answer);

    /** The language the core chose for this user, for any words the adapter adds itself; called before the answer. */
    default void useLanguage(Language language) {
    }
}
