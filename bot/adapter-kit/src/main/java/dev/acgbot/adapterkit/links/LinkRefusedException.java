package dev.acgbot.adapterkit.links;

import java.io.IOException;

/**
 * A link the fetcher would not or could not fetch, with a reason the adapter turns into the contract's
 * {@code ImageUnavailableException} (same names); the message is the operator's detail: host, address, status.
 */
public final class LinkRefusedException extends IOException {

    public enum Reason {
        PRIVATE_ADDRESS, TOO_LARGE, TOO_SLOW, NOT_AN_IMAGE, TOO_MANY_REDIRECTS, UNSUPPORTED_SCHEME, UNREACHABLE
    }

    private final Reason reason;
    private final String host;
    private final long limit;

    public LinkRefusedException(Reason reason, String host, String detail, long limit, Throwable cause) {
        super(reason + " " + host + ": " + detail, cause);
        this.reason = reason;
        this.host = host;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    /** The host of the link the user gave (not of a redirect hop): what the user recognises. */
    public String host() {
        return host;
    }

    /** Bytes for {@link Reason#TOO_LARGE}, milliseconds for {@link Reason#TOO_SLOW}, else -1. */
    public long limit() {
        return limit;
    }
}
