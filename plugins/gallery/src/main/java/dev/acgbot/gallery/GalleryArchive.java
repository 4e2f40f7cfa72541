package dev.acgbot.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A gallery directory (the MapDB store with its write-ahead log files, the persisted graphs and vector files, but not
 * the fp16 re-rank files, which the store holds already) as one zip.
 * A copy is consistent when nothing writes meanwhile: either the copier holds the store's file lock (no
 * process has the gallery open) or, in the process that has it open, the gallery's write lock (every change
 * is committed and no reindex runs). {@link Gallery#backup} and {@link #backupOffline} take those.
 */
public final class GalleryArchive {
    /** The store file MapDB locks while a process has the gallery open. */
    public static final String STORE_FILE = "gallery.db";

    private GalleryArchive() {
    }

    /** Zips every file under {@code galleryDir}; the caller guarantees no writer (see the class comment). */
    public static long write(Path galleryDir, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(galleryDir)) {
            // the fp16 re-rank files (1 KB per image and model) only copy the store's vectors: the first clean stop
            // after a restore writes them again
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".f16v")).sorted().toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(galleryDir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Files.size(target);
    }

    /**
     * Backs up a gallery no process has open, holding the store's file lock meanwhile so that none opens it.
     *
     * @return the archive's size, or empty when another process (a running bot) holds the store
     */
    public static Optional<Long> backupOffline(Path galleryDir, Path target) throws IOException {
        Path store = galleryDir.resolve(STORE_FILE);
        if (!Files.isRegularFile(store)) {
            throw new IllegalArgumentException("there is no gallery at " + galleryDir + " (index one first)");
        }
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return Optional.empty();
            }
            try (lock) {
                return Optional.of(write(galleryDir, target));
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this very process has it open
        }
    }

    /**
     * Unpacks an archive into {@code galleryDir}, which must be empty or absent (no process may have it open).
     *
     * @return the number of files restored
     */
    public static int restore(Path archive, Path galleryDir) throws IOException {
        if (Files.isDirectory(galleryDir)) {
            try (Stream<Path> entries = Files.list(galleryDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the gallery folder " + galleryDir + " is not empty; move it away first");
                }
            }
        }
        Path root = galleryDir.toAbsolutePath().normalize();
        Path staging = root.resolveSibling(root.getFileName() + ".restoring");
        deleteRecursively(staging);
        Files.createDirectories(staging);
        int count = 0;
        boolean sawStore = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging) || entry.isDirectory()) {
                    continue; // never write outside the folder
                }
                Files.createDirectories(out.getParent());
                copy(zip, out);
                sawStore |= entry.getName().equals(STORE_FILE);
                count++;
            }
        } catch (IOException | RuntimeException e) {
            deleteRecursively(staging);
            throw e;
        }
        if (!sawStore) {
            deleteRecursively(staging);
            throw new IllegalArgumentException(archive + " is not a gallery backup (it has no " + STORE_FILE + ")");
        }
        Files.deleteIfExists(root);
        Files.createDirectories(root.getParent());
        Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
        return count;
    }

    private static void copy(InputStream in, Path out) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            in.transferTo(os);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = new ArrayList<>(walk.sorted(java.util.Comparator.reverseOrder()).toList());
        }
        for (Path p : paths) {
            try {
                Files.delete(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
