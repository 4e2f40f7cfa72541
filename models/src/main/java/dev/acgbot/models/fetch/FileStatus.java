package dev.acgbot.models.fetch;

import dev.acgbot.models.manifest.ModelFile;

import java.nio.file.Path;

/**
 * What {@code models verify} (or fetch) found for one file.
 *
 * @param file   the manifest entry
 * @param path   where it is looked for
 * @param state  the verdict
 * @param sha256 the file's checksum when it was read, else empty
 * @param detail one human line
 */
public record FileStatus(ModelFile file, Path path, State state, String sha256, String detail) {

    public enum State {
        /** Present and matching the manifest's sha256. */
        OK,
        /** Present, but the manifest says sha256 unknown: nothing to compare with (a warning). */
        UNVERIFIED,
        MISSING,
        SIZE_MISMATCH,
        CHECKSUM_MISMATCH;

        public boolean usable() {
            return this == OK || this == UNVERIFIED;
        }
    }
}
