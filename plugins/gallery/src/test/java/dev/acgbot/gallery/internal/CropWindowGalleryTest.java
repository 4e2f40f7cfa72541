package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.EmbeddingEncoding;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.Serializer;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A copy that kept three quarters of a gallery picture is found by the stored crop windows, also after an upgrade. */
class CropWindowGalleryTest {
    private static final int PICTURES = 8;
    private static final int SOURCE = 3;

    /**
     * In grey: a copy in colour that the hashes found nothing for is also looked up by its colour layout
     * ({@link ColourLayouts}), which among 8 pictures finds a quarter crop without the windows.
     */
    private static BufferedImage picture(int i) {
        return TestImages.greyscale(TestImages.resized(TestImages.picture(500 + i), 2));
    }

    /** The bottom-right 75 % of the picture: off the centre, where the whole-picture seeds of the verifier do not reach. */
    private static BufferedImage quarterCrop(BufferedImage img) {
        int w = img.getWidth() * 3 / 4, h = img.getHeight() * 3 / 4;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(img.getSubimage(img.getWidth() - w, img.getHeight() - h, w, h), 0, 0, null);
        return out;
    }

    private static GalleryOptions options(Path tmp) {
        return RepostGalleries.options(tmp, PICTURES, CropWindowGalleryTest::picture);
    }


    private static List<DuplicateHit> lookUp(Gallery g, BufferedImage copy) {
        return g.findDuplicates(TestImages.decoded(copy), 8);
    }

    @Test
    void aQuarterCropOfAnIndexedPictureIsFoundAsAnEditedCopyCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(options(tmp), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals("pic3.png true [CROPPED]", RepostGalleries.describe(lookUp(g, quarterCrop(picture(SOURCE)))));
        }
    }

    @Test
    void aStoreSignedWithoutWindowsStillAnswersAndGainsThemAtTheNextReindex(@TempDir Path tmp) throws Exception {
        GalleryOptions options = options(tmp);
        try (Gallery g = Gallery.open(options, new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
        }
        // as the previous build left it: format-2 signatures, and a hash file of its format (ignored: removed here)
        Path db = options.dataDir().resolve("gallery.db");
        try (GalleryStore store = GalleryStore.open(db, EmbeddingEncoding.FP16)) {
            var map = store.db().hashMap(RepostSignatureMigration.MAP, Serializer.STRING, Serializer.BYTE_ARRAY).open();
            for (String sha : List.copyOf(map.getKeys())) {
                map.put(sha, CropWindowsTest.formatTwo(RepostSignature.decode(map.get(sha))));
            }
            store.commit();
        }
        Files.delete(options.dataDir().resolve("vectors").resolve("perceptual-hashes.phr"));
        try (Gallery g = Gallery.open(options, new FakeInference())) {
            List<DuplicateHit> resized = lookUp(g, TestImages.resized(picture(SOURCE), 0.5));
            assertEquals("pic3.png true []", RepostGalleries.describe(resized), "the old signatures still verify");
            assertTrue(resized.get(0).verified());
            assertFalse(lookUp(g, quarterCrop(picture(SOURCE))).stream().anyMatch(h -> h.edits().contains(RepostEdit.CROPPED)),
                    "without windows the quarter crop is not found: what the windows buy");
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals("pic3.png true [CROPPED]", RepostGalleries.describe(lookUp(g, quarterCrop(picture(SOURCE)))));
        }
        try (GalleryStore store = GalleryStore.open(db, EmbeddingEncoding.FP16)) {
            List<String> unsigned = new java.util.ArrayList<>();
            store.forEachEntry((sha, e) -> {
                if (!store.hasSignature(sha) || !store.signature(sha).orElseThrow().hasWindows()) {
                    unsigned.add(sha);
                }
            });
            assertEquals(List.of(), unsigned, "every entry signed again, with windows");
        }
    }
}
