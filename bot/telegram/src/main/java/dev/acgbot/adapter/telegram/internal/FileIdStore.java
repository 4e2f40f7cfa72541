package dev.acgbot.adapter.telegram.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Telegram file id of each gallery image the bot has uploaded, keyed by the image's content sha256 (so a
 * reindex, a rename or a moved file keeps it), for inline results, which can only name files Telegram already
 * has. Kept in a text file of {@code sha256 kind file_id} lines that is only appended to (one short write per
 * upload, nothing lost but the line in flight when the process dies) and compacted at load when it holds many
 * superseded lines. Without a file the ids live as long as the process.
 */
public final class FileIdStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileIdStore.class);
    public static final String FILE_NAME = "file-ids.tsv";
    /** The kind column of a line that withdraws the sha's earlier id (Telegram refused it). */
    private static final String FORGOTTEN = "FORGOTTEN";

    /** How Telegram holds the file: inline results differ for the two (a cached photo or a cached document). */
    public enum Kind { PHOTO, DOCUMENT }

    /** One upload's id. */
    public record StoredFile(Kind kind, String fileId) {
    }

    private final Optional<Path> file;
    private final Map<String, StoredFile> ids = new ConcurrentHashMap<>();

    private FileIdStore(Optional<Path> file) {
        this.file = file;
    }

    /** Ids that live only as long as the process (no data directory). */
    public static FileIdStore inMemory() {
        return new FileIdStore(Optional.empty());
    }

    /**
     * Reads {@code file} if it exists; a malformed line (a write cut short) is skipped. When more than half the
     * lines were superseded, the file is rewritten whole and moved into place.
     */
    public static FileIdStore open(Path file) {
        FileIdStore store = new FileIdStore(Optional.of(file));
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Telegram file ids in " + file, e);
        }
        for (String line : lines) {
            String[] parts = line.split("\t");
            if (parts.length == 3 && FORGOTTEN.equals(parts[1])) {
                store.ids.remove(parts[0]);
                continue;
            }
            if (parts.length == 3 && parts[0].matches("[0-9a-f]{64}") && !parts[2].isBlank()) {
                try {
                    store.ids.put(parts[0], new StoredFile(Kind.valueOf(parts[1]), parts[2]));
                    continue;
                } catch (IllegalArgumentException ignored) {
                    // an unknown kind: skipped like any other bad line
                }
            }
            if (!line.isBlank()) {
                LOG.debug("{}: skipping a malformed line", file);
            }
        }
        if (lines.size() > 2 * store.ids.size() + 16) {
            store.compact();
        }
        return store;
    }

    public Optional<StoredFile> get(String sha256) {
        return Optional.ofNullable(ids.get(sha256));
    }

    public int size() {
        return ids.size();
    }

    /** Records the id; written to the file before returning (a failure to write is logged: the id still works now). */
    public void put(String sha256, StoredFile stored) {
        if (stored.equals(ids.put(sha256, stored)) || file.isEmpty()) {
            return;
        }
        synchronized (this) {
            try {
                Files.createDirectories(file.get().toAbsolutePath().getParent());
                Files.writeString(file.get(), line(sha256, stored), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                LOG.warn("could not save a Telegram file id to {}: {}", file.get(), e.toString());
            }
        }
    }

    /**
     * Withdraws the ids of these images (Telegram refused one of them: a file deleted on its side, or an id of another
     * bot), so the next inline query uploads them again; written as a line that supersedes the earlier ones.
     */
    public void forget(Collection<String> sha256s) {
        StringBuilder lines = new StringBuilder();
        for (String sha : sha256s) {
            if (ids.remove(sha) != null) {
                lines.append(sha).append('\t').append(FORGOTTEN).append("\t-\n");
            }
        }
        if (lines.isEmpty() || file.isEmpty()) {
            return;
        }
        synchronized (this) {
            try {
                Files.writeString(file.get(), lines, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                LOG.warn("could not withdraw Telegram file ids in {}: {}", file.get(), e.toString());
            }
        }
    }

    private synchronized void compact() {
        Path target = file.orElseThrow();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, StoredFile> e : ids.entrySet()) {
                    out.write(line(e.getKey(), e.getValue()));
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not compact the Telegram file ids in {}: {}", target, e.toString());
        }
    }

    private static String line(String sha256, StoredFile stored) {
        return sha256 + "\t" + stored.kind().name() + "\t" + stored.fileId() + "\n";
    }
}
