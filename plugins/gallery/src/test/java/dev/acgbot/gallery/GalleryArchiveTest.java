package dev.acgbot.gallery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GalleryArchiveTest {

    private static Path gallery(Path dir) throws Exception {
        Path g = Files.createDirectories(dir.resolve("gallery"));
        Files.write(g.resolve(GalleryArchive.STORE_FILE), new byte[]{1, 2, 3});
        Files.write(g.resolve("gallery.db.wal.0"), new byte[]{4});
        Files.createDirectories(g.resolve("graphs"));
        Files.writeString(g.resolve("graphs/clip.graph"), "graph");
        Files.createDirectories(g.resolve("vectors"));
        Files.writeString(g.resolve("vectors/clip.f16v"), "a copy of the store's vectors, left out");
        return g;
    }

    @Test
    void anOfflineBackupRestoresEveryFileByteForByte(@TempDir Path dir) throws Exception {
        Path g = gallery(dir);
        Path zip = dir.resolve("backup.zip");
        assertTrue(GalleryArchive.backupOffline(g, zip).orElseThrow() > 0);
        Path restored = dir.resolve("restored/gallery");
        assertEquals(3, GalleryArchive.restore(zip, restored));
        for (String name : new String[]{GalleryArchive.STORE_FILE, "gallery.db.wal.0", "graphs/clip.graph"}) {
            assertArrayEquals(Files.readAllBytes(g.resolve(name)), Files.readAllBytes(restored.resolve(name)), name);
        }
        assertFalse(Files.exists(dir.resolve("restored/gallery.restoring")), "the staging folder is renamed into place");
        assertFalse(Files.exists(restored.resolve("vectors/clip.f16v")), "the fp16 re-rank file is not backed up");
    }

    @Test
    void noOfflineBackupWhileTheStoreIsLockedByItsUser(@TempDir Path dir) throws Exception {
        Path g = gallery(dir);
        try (FileChannel channel = FileChannel.open(g.resolve(GalleryArchive.STORE_FILE), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertEquals(Optional.empty(), GalleryArchive.backupOffline(g, dir.resolve("backup.zip")));
        }
        assertFalse(Files.exists(dir.resolve("backup.zip")));
    }

    @Test
    void restoreRefusesANonEmptyGalleryAndAnArchiveWithoutAStore(@TempDir Path dir) throws Exception {
        Path g = gallery(dir);
        Path zip = dir.resolve("backup.zip");
        GalleryArchive.backupOffline(g, zip);
        IllegalArgumentException busy = assertThrows(IllegalArgumentException.class, () -> GalleryArchive.restore(zip, g));
        assertTrue(busy.getMessage().endsWith("is not empty; move it away first"), busy.getMessage());

        Path other = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(other))) {
            out.putNextEntry(new ZipEntry("../../escape.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        IllegalArgumentException notOurs = assertThrows(IllegalArgumentException.class, () -> GalleryArchive.restore(other, dir.resolve("new")));
        assertTrue(notOurs.getMessage().endsWith("is not a gallery backup (it has no gallery.db)"), notOurs.getMessage());
        assertFalse(Files.exists(dir.getParent().resolve("escape.txt")), "nothing is written outside the folder");
        assertFalse(Files.exists(dir.resolve("new")));
    }
}
