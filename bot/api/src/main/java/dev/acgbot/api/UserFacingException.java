package dev.acgbot.api;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.i18n.LocalText;

/**
 * A failure whose message is written for the chat user: the router shows it in the chat's language.
 * Anything else a handler throws is answered with a generic message and a correlation id.
 */
public class UserFacingException extends RuntimeException {
    private final transient LocalText text;

    /** A message from a bundle, worded in the chat's language; {@link #getMessage()} is the English (for logs). */
    public UserFacingException(LocalText text) {
        super(text.in(Language.EN));
        this.text = text;
    }

    public UserFacingException(LocalText text, Throwable cause) {
        super(text.in(Language.EN), cause);
        this.text = text;
    }

    /** A message that is the same in every language (plugins outside this project that have no bundles). */
    public UserFacingException(String userMessage) {
        super(userMessage);
        this.text = language -> userMessage;
    }

    public UserFacingException(String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.text = language -> userMessage;
    }

    /** The message in the user's language. */
    public String message(Language language) {
        return text.in(language);
    }
}
