package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.search.GraphParams;
import dev.acgbot.gallery.search.VectorIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Persisted graphs, one pair of files per CLIP model: {@code <model>.graph} (the adjacency as flat int arrays; a file
 * in jvector's format, written before issue 15, is refused and the graph rebuilt) and
 * {@code <model>.rows} (the sha256 of every graph node in order, the model's manifest hash, the graph
 * settings, and the graph file's length and CRC so a pair torn by a crash is detected and rebuilt).
 */
final class GraphFiles {
    private static final Logger LOG = LoggerFactory.getLogger(GraphFiles.class);
    private static final int FORMAT = 1;
    private final Path dir;

    GraphFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * Appends the persisted graph's rows to {@code rows} in the graph's order (copying their int8 rows from
     * {@code read}, the store's rows in its own order) and attaches the graph.
     *
     * @return false, with {@code rows} untouched, when there is no usable graph for this model and settings
     */
    boolean load(ModelRows rows, ModelRows read, GraphParams params) {
        Optional<List<String>> shas = graphRows(rows, params);
        if (shas.isEmpty()) {
            return false;
        }
        for (String sha : shas.get()) {
            int row = read.rowOf.row(sha);
            if (row >= 0) {
                rows.copy(read, row, sha);
            } else {
                rows.putDead(sha);
            }
        }
        attachGraph(rows, rows.matrix.view(), params);
        return true;
    }

    /**
     * Attaches the persisted graph to rows restored from a vector file, when the graph's nodes are the first
     * rows of {@code rows} in order (they are when both files were written from the same rows).
     */
    void attach(ModelRows rows, GraphParams params) {
        Optional<List<String>> shas = graphRows(rows, params);
        if (shas.isEmpty()) {
            return;
        }
        List<String> nodes = shas.get();
        var have = rows.shas.view();
        if (nodes.size() > rows.matrix.size() || !java.util.stream.IntStream.range(0, nodes.size()).allMatch(i -> nodes.get(i).equals(have.get(i)))) {
            LOG.info("persisted graph of {} does not match its vector file: rebuilding", rows.modelId);
            return;
        }
        attachGraph(rows, rows.matrix.view().prefix(nodes.size()), params);
    }

    private void attachGraph(ModelRows rows, dev.acgbot.gallery.search.QuantisedRows nodes, GraphParams params) {
        try {
            rows.graph = VectorIndexes.loadGraph(nodes, params, graphFile(rows.modelId));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot load persisted graph of {}: searching exactly until it is rebuilt ({})", rows.modelId, e.toString());
        }
    }

    /** The sha256 of every graph node in order, when a graph pair for this model and settings is on disk. */
    private Optional<List<String>> graphRows(ModelRows rows, GraphParams params) {
        Path graphFile = graphFile(rows.modelId);
        Path rowsFile = rowsFile(rows.modelId);
        if (!Files.isRegularFile(graphFile) || !Files.isRegularFile(rowsFile)) {
            return Optional.empty();
        }
        List<String> shas = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(rowsFile), 1 << 16))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(rows.manifestHash) || in.readInt() != rows.matrix.dimension()
                    || in.readInt() != params.m() || in.readInt() != params.efConstruction()
                    || in.readLong() != Files.size(graphFile) || in.readLong() != crc(graphFile)) {
                LOG.info("persisted graph of {} does not match the model, settings or graph file: rebuilding", rows.modelId);
                return Optional.empty();
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                shas.add(in.readUTF());
            }
            return Optional.of(shas);
        } catch (IOException e) {
            LOG.warn("cannot read persisted graph rows of {}: rebuilding ({})", rows.modelId, e.toString());
            return Optional.empty();
        }
    }

    void save(ModelRows rows) {
        try {
            Files.createDirectories(dir);
            Path graphFile = graphFile(rows.modelId);
            rows.graph.save(graphFile);
            Path tmp = dir.resolve(rowsFile(rows.modelId).getFileName() + ".tmp");
            var view = rows.shas.view();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeUTF(rows.manifestHash);
                out.writeInt(rows.matrix.dimension());
                out.writeInt(rows.graph.params().m());
                out.writeInt(rows.graph.params().efConstruction());
                out.writeLong(Files.size(graphFile));
                out.writeLong(crc(graphFile));
                out.writeInt(rows.graph.size());
                for (int i = 0; i < rows.graph.size(); i++) {
                    out.writeUTF(view.get(i));
                }
            }
            Files.move(tmp, rowsFile(rows.modelId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the graph is only a cache of the store: losing it costs a rebuild at next start, nothing else
            LOG.warn("cannot persist graph of {}: it will be rebuilt at next start ({})", rows.modelId, e.toString());
        }
    }

    void delete(String modelId) {
        try {
            Files.deleteIfExists(rowsFile(modelId));
            Files.deleteIfExists(graphFile(modelId));
        } catch (IOException e) {
            LOG.warn("cannot delete graph files of {}: {}", modelId, e.toString());
        }
    }

    private Path graphFile(String modelId) {
        return dir.resolve(safeName(modelId) + ".graph");
    }

    private Path rowsFile(String modelId) {
        return dir.resolve(safeName(modelId) + ".rows");
    }

    static String safeName(String modelId) {
        return modelId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }
}
