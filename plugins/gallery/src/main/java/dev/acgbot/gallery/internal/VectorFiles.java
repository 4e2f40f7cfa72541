package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.search.QuantisedRows;
import dev.acgbot.gallery.search.RowFormat;
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
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The in-memory int8 rows of each model, written beside the store ({@code <data-dir>/vectors/<model>.i8v}) so
 * that start-up reads one sequential file instead of decoding every embedding from MapDB and quantising it
 * again (./acgbot bench startup, docs/benchmarks.md). The file is a cache of the store: it is used only when it
 * was written at the store's current generation for the same model, and otherwise ignored (and rewritten at the
 * next reindex or close), so a crash or an edit of the store can only cost the slower start-up.
 * Rows keep their numbering, dead ones included, because a persisted graph refers to rows by number.
 */
final class VectorFiles {
    private static final Logger LOG = LoggerFactory.getLogger(VectorFiles.class);
    static final int FORMAT = 0x49385631; // "I8V1"

    private final Path dir;

    VectorFiles(Path dir) {
        this.dir = dir;
    }

    Path file(String modelId) {
        return dir.resolve(GraphFiles.safeName(modelId) + ".i8v");
    }

    /** Writes every row of {@code rows} as of store generation {@code generation}; a failure only logs. */
    void save(ModelRows rows, long generation) {
        Path target = file(rows.modelId);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            QuantisedRows view = rows.matrix.view();
            byte[] values = new byte[view.dimension()];
            var shas = rows.shas.view();
            var dead = rows.dead.snapshot();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeUTF(rows.manifestHash);
                out.writeInt(view.dimension());
                out.writeLong(generation);
                out.writeInt(view.size());
                for (int row = 0; row < view.size(); row++) {
                    out.writeUTF(shas.get(row));
                    out.writeBoolean(dead.deleted(row));
                    // int8 values whatever the rows' format: 4-bit rows map to them losslessly (QuantisedRows.int8Row)
                    out.writeFloat(view.int8Row(row, values));
                    out.write(values);
                }
            }
            // rename is atomic: a crash leaves the old file or the new one, never half of one
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the vector file of {}: the next start reads the store instead ({})", rows.modelId, e.toString());
        }
    }

    /** The dimension in the header of every vector file here (one per CLIP model the gallery held), unreadable ones left out. */
    List<Integer> dimensions() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Integer> dims = new java.util.ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".i8v")).sorted().toList()) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 512))) {
                    if (in.readInt() == FORMAT) {
                        in.readUTF();
                        dims.add(in.readInt());
                    }
                } catch (IOException e) {
                    // a damaged file is read from the store at open; it says nothing about the size here
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return dims;
    }

    /** The rows as saved, when the file exists and was written at {@code generation} for this model. */
    Optional<ModelRows> load(String modelId, String manifestHash, int dimension, long generation) {
        return load(modelId, manifestHash, dimension, generation, java.util.function.UnaryOperator.identity(), rows -> RowFormat.INT8);
    }

    /**
     * As {@link #load(String, String, int, long)}, each sha replaced by {@code shared} (the instance the hash rows
     * already hold): one String per image instead of two, 104 MB of a 1M gallery's 1.16 GB heap; into rows of the
     * format {@code formatFor} picks for the file's row count.
     */
    Optional<ModelRows> load(String modelId, String manifestHash, int dimension, long generation,
                             java.util.function.UnaryOperator<String> shared, IntFunction<RowFormat> formatFor) {
        Path f = file(modelId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(manifestHash) || in.readInt() != dimension
                    || in.readLong() != generation) {
                LOG.info("vector file of {} is older than the store or for another model: reading the store", modelId);
                return Optional.empty();
            }
            int n = in.readInt();
            ModelRows rows = new ModelRows(modelId, manifestHash, dimension, formatFor.apply(n));
            byte[] values = new byte[dimension];
            for (int row = 0; row < n; row++) {
                String sha = shared.apply(in.readUTF());
                boolean dead = in.readBoolean();
                float scale = in.readFloat();
                in.readFully(values);
                rows.restore(sha, values, scale, dead);
            }
            return Optional.of(rows);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the vector file of {}: reading the store ({})", modelId, e.toString());
            return Optional.empty();
        }
    }

    void delete(String modelId) {
        try {
            Files.deleteIfExists(file(modelId));
        } catch (IOException e) {
            LOG.warn("cannot delete the vector file of {}: {}", modelId, e.toString());
        }
    }
}
