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
 */
public record ModelFile(String name, Optional<String> url, Optional<String> sha256, long size,
                        Optional<String> localPath) {

    public boolean hasKnownChecksum() {
        return sha256.isPresent();
    }
}
