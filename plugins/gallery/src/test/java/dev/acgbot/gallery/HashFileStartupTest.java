package dev.acgbot.gallery;

import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import dev.acgbot.models.image.DecodedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up reads the perceptual hashes from {@code vectors/perceptual-hashes.phr} when it matches the store and
 * the store when it does not: duplicates are found the same either way, removed images never come back.
 */
class HashFileStartupTest {

    private static List<String> duplicatesOfHalfSize(Gallery g, int picture) {
        return g.findDuplicates(TestImages.decoded(TestImages.resized(TestImages.picture(picture), 0.5)), 10).stream()
                .map(d -> d.entry().path().getFileName() + " " + d.exact() + " " + d.pHashDistance() + " " + d.dHashDistance())
                .toList();
    }

    private static void reindex(Gallery g) {
        g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
    }

    @Test
    void aReopenedGalleryFindsTheSameDuplicatesFromItsHashFileAndNotRemovedImages(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        List<Path> files = GalleryTest.writePictures(folder, 0, 12);
        Path data = tmp.resolve("data");
        GalleryOptions opts = GalleryTest.options(data, folder).build();
        List<String> before;
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
            Files.delete(files.get(4));
            reindex(g);
            before = duplicatesOfHalfSize(g, 7);
            assertEquals(List.of(), duplicatesOfHalfSize(g, 4), "a removed image is no duplicate");
        }
        assertTrue(Files.isRegularFile(data.resolve("vectors").resolve("perceptual-hashes.phr")), "a reindex writes the hash file");
        assertTrue(before.get(0).startsWith("pic7.png "), before.toString());
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals(before, duplicatesOfHalfSize(g, 7));
            assertEquals(List.of(), duplicatesOfHalfSize(g, 4), "the file holds live rows only");
            assertEquals(11, g.stats().images());
        }
    }

    @Test
    void aFramedGalleryImageIsFoundFromTheHashFileByItsTrimmedHashes(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 6);
        TestImages.writePng(framed(TestImages.picture(42), 60), folder.resolve("framed.png"));
        GalleryOptions opts = GalleryTest.options(tmp.resolve("data"), folder).build();
        DecodedImage unframed = TestImages.decoded(TestImages.picture(42));
        List<String> fromStore;
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
            fromStore = names(g.findDuplicates(unframed, 10));
        }
        assertEquals(List.of("framed.png"), fromStore, "only the frame's trimmed hashes reach the unframed picture");
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals(fromStore, names(g.findDuplicates(unframed, 10)), "the hash file keeps the trimmed hashes");
        }
    }

    private static List<String> names(List<DuplicateHit> found) {
        return found.stream().map(d -> d.entry().path().getFileName().toString()).toList();
    }

    /** A black frame {@code width} pixels wide around the picture. */
    private static BufferedImage framed(BufferedImage img, int width) {
        BufferedImage out = new BufferedImage(img.getWidth() + 2 * width, img.getHeight() + 2 * width, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, width, width, null);
        g.dispose();
        return out;
    }

    @Test
    void aStaleOrDamagedHashFileIsIgnored(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 6);
        Path data = tmp.resolve("data");
        GalleryOptions opts = GalleryTest.options(data, folder).build();
        Path file = data.resolve("vectors").resolve("perceptual-hashes.phr");
        Path old = tmp.resolve("old.phr");
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
        }
        Files.copy(file, old);
        GalleryTest.writePictures(folder, 6, 4);
        List<String> after;
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
            after = duplicatesOfHalfSize(g, 8);
        }
        assertFalse(after.isEmpty());
        // as if the last write had been lost in a crash: the file knows 6 images, the store 10
        Files.copy(old, file, StandardCopyOption.REPLACE_EXISTING);
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals(after, duplicatesOfHalfSize(g, 8));
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals(after, duplicatesOfHalfSize(g, 8));
        }
    }
}
