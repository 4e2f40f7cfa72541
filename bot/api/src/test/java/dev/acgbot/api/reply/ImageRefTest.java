package dev.acgbot.api.reply;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gallery file is sent only as the index saw it: no symlink, under its root, same size and content. */
class ImageRefTest {
    private static final byte[] ART = "the indexed art".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private Path gallery;
    private Path secret;

    @BeforeEach
    void files() throws IOException {
        gallery = Files.createDirectories(dir.resolve("gallery/sub"));
        gallery = dir.resolve("gallery");
        Files.write(gallery.resolve("sub/art.png"), ART);
        secret = Files.writeString(dir.resolve("secret.txt"), "token=123:ABC");
    }

    private ImageRef indexed(Path file) throws Exception {
        return ImageRef.galleryFile(file, gallery, ART.length, sha256(ART));
    }

    @Test
    void anUnchangedGalleryFileIsSent() throws Exception {
        ImageRef ref = indexed(gallery.resolve("sub/art.png"));
        assertArrayEquals(ART, ref.content());
        assertEquals(ART.length, ref.size());
        assertEquals("art.png", ref.fileName());
    }

    @Test
    void aFileSwappedForASymlinkAfterIndexingIsRefused() throws Exception {
        Path art = gallery.resolve("sub/art.png");
        ImageRef ref = indexed(art);
        Files.delete(art);
        Files.createSymbolicLink(art, secret);
        ImageChangedException e = assertThrows(ImageChangedException.class, ref::content);
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void aFolderSwappedForASymlinkIsRefusedToo() throws Exception {
        ImageRef ref = indexed(gallery.resolve("sub/art.png"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(elsewhere.resolve("art.png"), ART);
        Files.move(gallery.resolve("sub"), dir.resolve("moved"));
        Files.createSymbolicLink(gallery.resolve("sub"), elsewhere);
        assertThrows(ImageChangedException.class, ref::content);
    }

    @Test
    void aFileReplacedWithOtherContentOfTheSameSizeIsRefused() throws Exception {
        Path art = gallery.resolve("sub/art.png");
        ImageRef ref = indexed(art);
        Files.write(art, "THE INDEXED ART".getBytes(StandardCharsets.UTF_8));
        ImageChangedException e = assertThrows(ImageChangedException.class, ref::content);
        assertTrue(e.getMessage().contains("no longer has the indexed content"), e.getMessage());
    }

    @Test
    void aFileOfAnotherSizeOrOutsideTheRootIsRefused() throws Exception {
        Path art = gallery.resolve("sub/art.png");
        ImageRef ref = indexed(art);
        Files.writeString(art, "longer than the indexed art");
        assertTrue(assertThrows(ImageChangedException.class, ref::content).getMessage().contains("the index has"));
        ImageRef outside = ImageRef.galleryFile(gallery.resolve("../secret.txt"), gallery, Files.size(secret),
                sha256(Files.readAllBytes(secret)));
        assertTrue(assertThrows(ImageChangedException.class, outside::content).getMessage().contains("not under the gallery folder"));
    }

    @Test
    void aDirectoryIsNotARegularFile() throws Exception {
        Files.createDirectories(gallery.resolve("sub/dir.png"));
        ImageRef ref = indexed(gallery.resolve("sub/dir.png"));
        assertTrue(assertThrows(ImageChangedException.class, ref::content).getMessage().contains("not a regular file"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
