package dev.acgbot.gallery.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The store's fp16 vector of every live row of a model, in the row numbering of its in-memory rows (and so of its
 * {@link VectorFiles .i8v file}), at {@code <data-dir>/vectors/<model>.f16v}: searches re-rank their best candidates
 * from this file, memory-mapped, instead of reading each from MapDB (0.063 ms against 7.9 ms per 100 rows,
 * docs/benchmarks.md). Like the .i8v file it is a cache of the store: used only when it was written at the store's
 * generation, for the same model and the same rows in the same order; anything else is ignored and rewritten at the
 * next reindex or close. Written only for an fp16 store, where its values are the store's bit for bit, so scores are
 * the same as from the store.
 *
 * <p>Layout, little-endian: magic, version, dimension, rows, generation, the manifest hash (length, UTF-8), the
 * SHA-256 of the row's sha256 column (rows and numbering, dead rows included), a bit set of the rows present, then
 * from a 64-byte boundary {@code rows x dimension} fp16 values (absent rows zero). The length must be exactly that.
 * The file is written to a temporary name, forced to disk, and renamed over the old one: a crash leaves the old file
 * or the new one, and a mapped old file stays valid on Linux until unmapped.
 */
final class HalfVectorFiles {
    private static final Logger LOG = LoggerFactory.getLogger(HalfVectorFiles.class);
    private static final int MAGIC = 0x46313656; // "F16V"
    private static final int VERSION = 1;
    /** Generous for a manifest hash (64 hex digits); a larger length means a damaged header. */
    private static final int MAX_HASH_BYTES = 1024;

    /** Every stored embedding of the model, as {@link GalleryStore#forEachEmbedding} walks them. */
    @FunctionalInterface
    interface Embeddings {
        void forEach(BiConsumer<String, float[]> action);
    }

    private final Path dir;

    HalfVectorFiles(Path dir) {
        this.dir = dir;
    }

    Path file(String modelId) {
        return dir.resolve(GraphFiles.safeName(modelId) + ".f16v");
    }

    /**
     * Writes the file of {@code rows} at store generation {@code generation}: each embedding of {@code embeddings}
     * goes to its sha's live row. Returns false (and logs) when it could not be written; the old file, if any, stays.
     */
    boolean save(ModelRows rows, long generation, Embeddings embeddings) {
        Path target = file(rows.modelId);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        int n = rows.shas.size();
        int dim = rows.matrix.dimension();
        Header header = new Header(dim, n, generation, rows.manifestHash, digest(rows.shas.view(), n));
        long[] present = new long[words(n)];
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer row = ByteBuffer.allocateDirect(2 * dim).order(ByteOrder.LITTLE_ENDIAN);
                embeddings.forEach((sha, v) -> {
                    int r = rows.rowOf.row(sha);
                    if (r >= 0 && v.length == dim) {
                        row.clear();
                        for (float x : v) {
                            row.putShort(Float.floatToFloat16(x));
                        }
                        writeFully(ch, row.flip(), header.dataOffset() + (long) r * 2 * dim);
                        present[r >>> 6] |= 1L << r;
                    }
                });
                writeFully(ch, header.encode(present), 0);
                if (ch.size() < header.length()) {
                    writeFully(ch, ByteBuffer.allocate(1), header.length() - 1); // absent last rows: zeros to the end
                }
                ch.force(true); // the rename must not become durable before the values it names
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            // a cache: no failure here may stop a reindex or a graph build (a store closed under a start-up build lands here)
            LOG.warn("cannot write the fp16 vector file of {}: searches re-rank from the store ({})", rows.modelId, e.toString());
            return false;
        }
    }

    /** The mapped file of {@code rows}, when it exists and matches them and the store's {@code generation}. */
    Optional<MappedHalfRows> open(ModelRows rows, long generation) {
        Path f = file(rows.modelId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        int n = rows.shas.size();
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            Optional<Header> read = Header.read(ch);
            Header want = new Header(rows.matrix.dimension(), n, generation, rows.manifestHash, digest(rows.shas.view(), n));
            if (read.isEmpty() || !read.get().equals(want) || ch.size() != want.length()) {
                LOG.info("fp16 vector file of {} does not match the store's rows: re-ranking from the store until it is rewritten",
                        rows.modelId);
                return Optional.empty();
            }
            long[] present = new long[words(n)];
            ByteBuffer bits = ByteBuffer.allocate(8 * present.length).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, bits, want.bitsOffset());
            bits.flip().asLongBuffer().get(present);
            MappedHalfRows mapped = MappedHalfRows.map(f, want.dataOffset(), n, want.dimension(), present);
            LOG.info("re-ranking {} from {}: {} rows mapped", rows.modelId, f.getFileName(), n);
            // part of start-up (the row digest is one SHA-256 pass over the sha column): say what it cost
            LOG.debug("fp16 vector file of {} checked and mapped in {} ms", rows.modelId, (System.nanoTime() - t0) / 1_000_000);
            return Optional.of(mapped);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the fp16 vector file of {}: re-ranking from the store ({})", rows.modelId, e.toString());
            return Optional.empty();
        }
    }

    private static int words(int rows) {
        return (rows + 63) >>> 6;
    }

    /**
     * An order-sensitive 64-bit hash of the sha column (each name's {@code String.hashCode}, cached in the names the
     * maps hold, and length): the file serves only rows numbered as it was written. It catches what can happen at one
     * store generation, rows renumbered by a graph build's compaction or read in the store's order instead of the
     * .i8v file's; it is no defence against a crafted file. A SHA-256 of the names was tried first: 0.9 s of a 1M
     * open at load average 13 (the copy loop runs once, before the JIT compiles it), against about 10 ms for this.
     */
    static long digest(Column.View<String> shas, int n) {
        long h = 0x243F6A8885A308D3L ^ n;
        for (int row = 0; row < n; row++) {
            String sha = shas.get(row);
            h = (h + (sha.hashCode() & 0xFFFFFFFFL) + ((long) sha.length() << 32)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return h;
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long position) {
        try {
            for (long at = position; b.hasRemaining(); ) {
                at += ch.write(b, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        for (long at = position; b.hasRemaining(); ) {
            int got = ch.read(b, at);
            if (got < 0) {
                throw new IOException("file ends inside its header");
            }
            at += got;
        }
    }

    /** What the file says it holds; equal headers describe the same rows of the same store state. */
    private record Header(int dimension, int rows, long generation, String manifestHash, long shaDigest) {
        private static final int DIGEST_BYTES = 8;

        private int hashBytes() {
            return manifestHash.getBytes(StandardCharsets.UTF_8).length;
        }

        long bitsOffset() {
            long fixed = 4 + 4 + 4 + 4 + 8 + 4 + hashBytes() + DIGEST_BYTES;
            return (fixed + 7) & ~7L;
        }

        long dataOffset() {
            return (bitsOffset() + 8L * words(rows) + 63) & ~63L;
        }

        long length() {
            return dataOffset() + (long) rows * 2 * dimension;
        }

        /** The header and the bit set of present rows, from offset 0. */
        ByteBuffer encode(long[] present) {
            ByteBuffer b = ByteBuffer.allocate((int) (bitsOffset() + 8L * present.length)).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(MAGIC).putInt(VERSION).putInt(dimension).putInt(rows).putLong(generation);
            byte[] hash = manifestHash.getBytes(StandardCharsets.UTF_8);
            b.putInt(hash.length).put(hash).putLong(shaDigest);
            b.position((int) bitsOffset());
            b.asLongBuffer().put(present);
            return b.rewind();
        }

        static Optional<Header> read(FileChannel ch) throws IOException {
            ByteBuffer fixed = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, fixed, 0);
            fixed.flip();
            if (fixed.getInt() != MAGIC || fixed.getInt() != VERSION) {
                return Optional.empty();
            }
            int dimension = fixed.getInt();
            int rows = fixed.getInt();
            long generation = fixed.getLong();
            int hashLength = fixed.getInt();
            if (dimension <= 0 || rows < 0 || hashLength < 0 || hashLength > MAX_HASH_BYTES) {
                return Optional.empty();
            }
            ByteBuffer rest = ByteBuffer.allocate(hashLength + DIGEST_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, rest, 28);
            byte[] hash = Arrays.copyOf(rest.array(), hashLength);
            long digest = rest.getLong(hashLength);
            return Optional.of(new Header(dimension, rows, generation, new String(hash, StandardCharsets.UTF_8), digest));
        }
    }
}
