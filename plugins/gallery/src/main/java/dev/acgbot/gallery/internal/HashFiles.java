package dev.acgbot.gallery.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The perceptual hashes of every live image (sha256, the whole and margin-trimmed pHash and dHash, the
 * {@link CropWindows crop windows}' pHashes and the {@link ColourRows colour grid} per row: 66 + 281 bytes) written
 * beside the vector files ({@code <data-dir>/vectors/perceptual-hashes.phr}), so that start-up reads one sequential file instead of
 * decoding every {@code GalleryEntry} from MapDB: that read was what dominated opening a 100k gallery once
 * the vectors came from their own file (3.5 s of 6.2 s, linear in n; ./acgbot bench startup,
 * docs/benchmarks.md). Like {@link VectorFiles} it is a cache of the store, used only when written at the
 * store's current generation; otherwise the store is read and the file rewritten at the next reindex or close.
 */
final class HashFiles {
    private static final Logger LOG = LoggerFactory.getLogger(HashFiles.class);
    // "PHR4": four hashes per row (whole and margin-trimmed pHash, dHash), the crop windows' pHashes and the colour grid
    // (ColourRows); an older file ("PHR1" to "PHR3") is ignored, the store read once, and the file rewritten
    static final int FORMAT = 0x50485234;
    /** "PHR3": its header is this format's, so its row count still sizes the heap of the first start after an upgrade. */
    private static final int FORMAT_BEFORE = 0x50485233;

    private final Path file;

    HashFiles(Path dir) {
        this.file = dir.resolve("perceptual-hashes.phr");
    }

    Path file() {
        return file;
    }

    /** Writes the live rows of {@code hashes} as of store generation {@code generation}; a failure only logs. */
    void save(HashRows.Snapshot hashes, long generation) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            int n = hashes.pHashes().size();
            int live = 0;
            for (int row = 0; row < n; row++) {
                live += hashes.dead().deleted(row) ? 0 : 1;
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeLong(generation);
                out.writeInt(live);
                for (int row = 0; row < n; row++) {
                    if (!hashes.dead().deleted(row)) {
                        out.writeUTF(hashes.shas().get(row));
                        out.writeLong(hashes.pHashes().hash(row));
                        out.writeLong(hashes.dHashes().hash(row));
                        out.writeLong(hashes.trimmedPHashes().hash(row));
                        out.writeLong(hashes.trimmedDHashes().hash(row));
                        for (long w : hashes.windows().windows(row)) {
                            out.writeLong(w);
                        }
                        byte[] grid = hashes.colours().grid(row);
                        out.writeByte(grid.length);
                        out.write(grid);
                    }
                }
            }
            // rename is atomic: a crash leaves the old file or the new one, never half of one
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the perceptual hash file: the next start reads the store instead ({})", e.toString());
        }
    }

    /**
     * The row count in the file's header, whatever store generation it was written at (an estimate of the
     * gallery's size that reads 16 bytes); empty without a readable file of this format or the one before.
     */
    java.util.OptionalInt rowCount() {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            int format = in.readInt();
            if (format != FORMAT && format != FORMAT_BEFORE) {
                return java.util.OptionalInt.empty();
            }
            in.readLong();
            return java.util.OptionalInt.of(in.readInt());
        } catch (IOException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The rows of the file, when it exists and was written at {@code generation}. */
    Optional<HashRows> load(long generation) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        HashRows read = new HashRows();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT || in.readLong() != generation) {
                LOG.info("perceptual hash file is older than the store or of an older format: reading the store");
                return Optional.empty();
            }
            int n = in.readInt();
            for (int row = 0; row < n; row++) {
                String sha = in.readUTF();
                long p = in.readLong(), d = in.readLong(), tp = in.readLong(), td = in.readLong();
                long[] windows = new long[CropWindows.COUNT];
                for (int w = 0; w < windows.length; w++) {
                    windows[w] = in.readLong();
                }
                byte[] grid = new byte[in.readUnsignedByte()];
                in.readFully(grid);
                read.put(sha, p, d, tp, td, windows, grid);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the perceptual hash file: reading the store ({})", e.toString());
            return Optional.empty();
        }
        return Optional.of(read);
    }
}
