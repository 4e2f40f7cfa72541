package dev.acgbot.api.command;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An image given as a link (in the message, in the replied-to message, or as a platform's preview of a pasted
 * link): the typed source the adapter found, carried like any other {@link Attachment}. Nothing is fetched until a
 * command reads it, and then only through the adapter's safe fetcher, which refuses non-public addresses and
 * enforces its limits ({@link ImageUnavailableException} says why).
 *
 * @param uri   the link as given
 * @param fetch the adapter's safe fetch of it
 */
public record LinkedImage(URI uri, Fetch fetch) implements Attachment {

    /** Fetches a link within a byte limit; refusals are {@link ImageUnavailableException}s. */
    @FunctionalInterface
    public interface Fetch {
        byte[] fetch(URI uri, long maxBytes) throws IOException;
    }

    public LinkedImage {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(fetch, "fetch");
    }

    /** The last part of the link's path when it names a file, else the host: never the query (it may hold keys). */
    @Override
    public String fileName() {
        String path = uri.getRawPath() == null ? "" : uri.getPath();
        int slash = path.lastIndexOf('/');
        String last = slash >= 0 ? path.substring(slash + 1) : path;
        if (!last.isBlank() && last.length() <= 100) {
            return last;
        }
        return host();
    }

    /** The link's host as the user wrote it, lower case; the scheme when it has none (file:, data:). */
    public String host() {
        return uri.getHost() != null ? uri.getHost().toLowerCase(Locale.ROOT) : String.valueOf(uri.getScheme());
    }

    @Override
    public Optional<String> contentType() {
        return Optional.empty();
    }

    @Override
    public long declaredSize() {
        return -1;
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        return fetch.fetch(uri, maxBytes);
    }

    @Override
    public String sourceKey() {
        return "link:" + uri;
    }

    /** Two links are the same image when they are the same link, whoever fetches them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LinkedImage other && other.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return "LinkedImage[" + host() + "]";
    }
}
