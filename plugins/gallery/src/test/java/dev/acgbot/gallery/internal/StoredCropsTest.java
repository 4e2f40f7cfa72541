package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredCropsTest {
    @Test
    void theStoredPictureKeepsItsAspectAndItsColours() {
        RepostSignature stored = RepostSignature.of(TestImages.decoded(TestImages.resized(TestImages.picture(5), 2)));
        DecodedImage picture = StoredCrops.picture(stored);
        assertEquals(64, picture.width());
        assertEquals(48, picture.height(), "320x240: 4:3");
        byte[] colours = RepostSignature.of(picture).colour();
        assertEquals(stored.colour().length, colours.length);
        for (int i = 0; i < colours.length; i++) {
            // the grey picture coloured by the 4x4 grid, then averaged again over the same cells: each channel close
            assertTrue(Math.abs((colours[i] & 0xFF) - (stored.colour()[i] & 0xFF)) <= 24,
                    "channel " + i + ": " + (colours[i] & 0xFF) + " against " + (stored.colour()[i] & 0xFF));
        }
    }

    @Test
    void aQuarterCropIsVerifiedAsCutFromItsPictureAndAnotherPictureIsNot() {
        BufferedImage whole = TestImages.resized(TestImages.picture(11), 2);
        DecodedImage flat = TestImages.decoded(whole);
        RepostVerifier.Query posted = new RepostVerifier.Query(flat);
        RepostSignature crop = RepostSignature.of(TestImages.decoded(RepostGalleries.quarterCrop(whole, 1, 0)));
        RepostSignature other = RepostSignature.of(TestImages.decoded(RepostGalleries.quarterCrop(TestImages.resized(TestImages.picture(12), 2), 1, 0)));
        // the top-right window: the last column of the first row
        StoredCrops.Suspect top = new StoredCrops.Suspect("crop", 4, CropWindows.GRID - 1, 20, 20);
        assertEquals("[CROPPED]", StoredCrops.cutFrom(posted, flat, crop, top).map(v -> v.edits().toString()).orElse("none"));
        assertEquals("none", StoredCrops.cutFrom(posted, flat, other, top).map(v -> v.edits().toString()).orElse("none"));
        assertArrayEquals(new int[]{64, 48}, new int[]{StoredCrops.picture(crop).width(), StoredCrops.picture(crop).height()});
    }
}
