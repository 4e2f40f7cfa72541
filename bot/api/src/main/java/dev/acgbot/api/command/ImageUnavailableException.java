package dev.acgbot.api.command;

import java.io.IOException;
import java.util.Objects;

/**
 * An image the user pointed at could not be taken, for a reason the user can act on: a link to a private
 * address, a file that is too big, a sticker that is only an animation. The router answers each {@link Reason}
 * with its own short message; {@link #getMessage()} is the operator's detail (host, address, status) for the log.
 */
public class ImageUnavailableException extends IOException {

    /** Why the image could not be taken; each has its own user message. */
    public enum Reason {
        /** the link's host is, or resolves to, a loopback, private, link-local, metadata or otherwise non-public address */
        PRIVATE_ADDRESS,
        /** larger than the limit, by its Content-Length or while it downloaded */
        TOO_LARGE,
        /** the connection or the whole download took longer than allowed */
        TOO_SLOW,
        /** the server answered with something that is not an image (a web page, a video) */
        NOT_AN_IMAGE,
        /** more redirects than allowed */
        TOO_MANY_REDIRECTS,
        /** a scheme other than http and https, given or reached through a redirect */
        UNSUPPORTED_SCHEME,
        /** the host does not exist, refused the connection, or answered with an error status */
        UNREACHABLE,
        /** an animated (.tgs) or video (.webm) sticker for which the platform sent no still thumbnail */
        ANIMATED_STICKER,
        /** an animation (a GIF the platform turned into a video) for which it sent no still thumbnail */
        ANIMATION_WITHOUT_THUMBNAIL
    }

    private final Reason reason;
    private final String source;
    private final long limit;

    /**
     * @param source what the user gave, safe to show: a link's host, or a file name
     * @param detail for the operator's log: the address refused, the status, the size seen
     */
    public ImageUnavailableException(Reason reason, String source, String detail) {
        this(reason, source, detail, -1, null);
    }

    /** @param limit the limit that was passed (bytes for {@link Reason#TOO_LARGE}, milliseconds for {@link Reason#TOO_SLOW}) */
    public ImageUnavailableException(Reason reason, String source, String detail, long limit, Throwable cause) {
        super(reason + " " + source + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.source = source == null ? "" : source;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    /** A link's host or a file name: what the user recognises. */
    public String source() {
        return source;
    }

    /** The limit that was passed, or -1. */
    public long limit() {
        return limit;
    }
}
