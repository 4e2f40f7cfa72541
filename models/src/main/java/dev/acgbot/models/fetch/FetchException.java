package dev.acgbot.models.fetch;

/**
 * A model's files could not be fetched. {@link #offline()} is true when the network (DNS, connect) is not
 * there at all; the message then lists every file to place by hand and where.
 */
public class FetchException extends RuntimeException {
    private final boolean offline;

    public FetchException(String message, boolean offline, Throwable cause) {
        super(message, cause);
        this.offline = offline;
    }

    public boolean offline() {
        return offline;
    }
}
