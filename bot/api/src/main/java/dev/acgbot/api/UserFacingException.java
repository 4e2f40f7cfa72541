package dev.acgbot.api;

/**
 * A failure whose message is written for the chat user: the router shows the message as it is.
 * Anything else a handler throws is answered with a generic message and a correlation id.
 */
public class UserFacingException extends RuntimeException {

    public UserFacingException(String userMessage) {
        super(userMessage);
    }

    public UserFacingException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
