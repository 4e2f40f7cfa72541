package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quarter crops of faint pictures (shapes whose grey levels differ little, as a flag of green and red or pale line art)
 * are found first and named cropped (issue 12, crop 25 % round 9). A faint picture is verified only with more evidence
 * than the correlation; the whole dHash, that evidence for every other edit, moves 13-35 bits under a quarter crop, so
 * 5 of these 6 copies had no hit at all before, while their stored crop window lies within 0-10 bits. (A crop that leaves a picture flat
 * rather than faint, as the centre of one of these, is for the flat rule, which still wants the dHash.)
 */
class FaintCropGalleryTest {
    private static final int PICTURES = 8;

    /** A 320x240 picture of random shapes, its grey levels pressed to a sixth of their spread around mid-grey. */
    private static BufferedImage picture(int i) {
        BufferedImage img = TestImages.resized(TestImages.picture(900 + i), 2);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), out = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int v = rgb >> shift & 0xFF;
                    out |= (128 + (v - 128) / 6) << shift;
                }
                img.setRGB(x, y, out);
            }
        }
        return img;
    }

    @Test
    void quarterCropsOfFaintPicturesAreFoundFirstAsCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, FaintCropGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            // source, where the crop's top-left corner lies in the room left (x, y)
            double[][] crops = {{0, 0, 0}, {1, 1, 1}, {2, 0.3, 0.8}, {3, 0.9, 0.2}, {4, 0.7, 0.1}, {5, 0.1, 0.6}};
            assertEquals(RepostGalleries.sourcesFirstAsCropped(crops), RepostGalleries.firstHitsOfQuarterCrops(g, crops, FaintCropGalleryTest::picture));
        }
    }
}
