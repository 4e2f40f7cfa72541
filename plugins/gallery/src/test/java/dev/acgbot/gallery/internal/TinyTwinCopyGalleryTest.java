package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quarter-size copy of an icon the gallery holds twice, under two names and in two files of the same pixels (issue 12,
 * tiny and turned copies round 10; openclipart's flat theme has such pairs, {@code contents} and {@code kaddressbook}). At 15 pixels
 * both match the copy exactly alike, so neither was singled out and, the edge step being blind at that size, nothing was
 * listed; either is the copy's source.
 */
class TinyTwinCopyGalleryTest {
    private static final int PICTURES = 8;

    /** pic0 the page with four lines of text, pic1 its look-alike with three, then unrelated icons of random shapes. */
    private static BufferedImage picture(int i) {
        return switch (i) {
            case 0 -> TinyCopyGalleryTest.page(4);
            case 1 -> TinyCopyGalleryTest.page(3);
            default -> TestImages.resized(TestImages.picture(940 + i), 0.375);
        };
    }

    @Test
    void aQuarterSizeCopyOfAnIconStoredTwiceIsFoundAsOneOfTheTwo(@TempDir Path tmp) throws IOException {
        GalleryOptions options = RepostGalleries.options(tmp, PICTURES, TinyTwinCopyGalleryTest::picture);
        Path pics = tmp.resolve("pics"), twin = pics.resolve("twin0.png");
        writeUncompressed(picture(0), twin);
        assertNotEquals(-1L, Files.mismatch(pics.resolve("pic0.png"), twin), "the twin must be another file");
        try (Gallery g = Gallery.open(options, new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(TinyCopyGalleryTest.quarter(picture(0))), 8);
            String first = hits.isEmpty() ? "none" : hits.get(0).entry().path().getFileName().toString();
            assertTrue(Set.of("pic0.png", "twin0.png").contains(first), "first hit: " + first);
        }
    }

    /** The same pixels as a PNG written without compression: another file, another sha256. */
    private static void writeUncompressed(BufferedImage img, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1.0f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
