package dev.acgbot.api.adapter;

/**
 * Why a chat adapter did not start, so that the bot can tell a wrong token (exit 2: the operator must act)
 * from a network that is not up yet (retry with backoff). The message never contains the token.
 */
public class AdapterStartException extends Exception {

    /** What kind of failure it was. */
    public enum Reason {
        /** The platform refused the token: retrying cannot help. */
        TOKEN_REFUSED,
        /** The platform could not be reached or answered with a server error: retrying may help. */
        UNREACHABLE,
        /** Anything else (a setting the platform refused): reported, not retried. */
        OTHER
    }

    private final Reason reason;

    public AdapterStartException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
