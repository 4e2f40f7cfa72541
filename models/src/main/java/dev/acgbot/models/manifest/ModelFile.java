package dev.acgbot.models.manifest;

import java.util.Optional;

/**
 * One file a model needs.
 *
 * @param name      file name inside the model's directory ({@code <models dir>/<model id>/<name>})
 * @param url       where {@code models fetch} downloads it from; empty when there is no public download
 * @param sha256    expected checksum, lower-case hex; empty when the manifest says {@code unknown} (fetch then
 *                  records what it downloaded, verify warns)
 * @param size      expected size in bytes, or -1 when unknown
 * @param localPath a path given in the manifest instead of a download (relative to the manifest's directory);
 *                  the file is used where it is and never fetched
 * @param approxSize rounded size as a hub listing shows it ({@code approx_size: 349 MB}), or -1; only for
 *                  {@code models list} and the total before a fetch, never checked
 */
public record ModelFile(String name, Optional<String> url, Optional<String> sha256, long size,
                        Optional<String> localPath, long approxSize) {

    /** The exact size when known, else the approximate one, else -1. */
    public long displaySize() {
        return size >= 0 ? size : approxSize;
    }

    /** Whether a hub URL names a revision (40 hex digits after {@code /resolve/}), not a moving branch such as main. */
    public boolean pinned() {
        return url.map(u -> !u.contains("/resolve/") || u.matches(".*/resolve/[0-9a-f]{40}/.*")).orElse(true);
    }

    public boolean hasKnownChecksum() {
        return sha256.isPresent();
    }
}
