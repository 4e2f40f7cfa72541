package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.preprocess.ImageOps;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which poses the crop-rectangle retry takes though they name a stretch ({@link RepostVerifier#stretchedCropOnly}): a crop
 * the search also stretched, of a picture that fills its canvas; not one of a page the store kept whole with a small
 * drawing on it (openclipart fixtures, public domain).
 */
class StretchedCropOnlyTest {
    /** Half the flag's width and a third of its height: a crop, and a window twice as wide for its height as the copy. */
    private static final RepostVerifier.Pose STRETCHED_CROP = new RepostVerifier.Pose(0.5, 0.5, 0.5, 0.33, 0, false);
    private static final RepostVerifier.Pose CROP = new RepostVerifier.Pose(0.5, 0.5, 0.75, 0.75, 0, false);

    /** The fixture signed as the indexer signs it: decoded with its transparency, reduced. */
    private static RepostSignature stored(String fixture) {
        try {
            Path file = Path.of(StretchedCropOnlyTest.class.getResource("/openclipart/" + fixture + ".png").toURI());
            return RepostSignature.of(ImageOps.reduce(new ImageDecoder(DecodeLimits.defaults()).decode(file), 256));
        } catch (URISyntaxException | ImageDecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean stretchedCropOnly(BufferedImage copy, String candidate, RepostVerifier.Pose pose) {
        RepostVerifier.Query q = new RepostVerifier.Query(ImageOps.reduce(TestImages.decoded(copy), 256));
        return RepostVerifier.stretchedCropOnly(q, stored(candidate), new RepostVerifier.Found(0.95, pose, pose, false, false, Levels.NONE));
    }

    @Test
    void aFlagsCropPosedStretchedIsACropOnly() {
        BufferedImage copy = RepostGalleries.quarterCrop(RepostGalleries.openclipart("nicaragua"), 0.5, 0.5);
        assertTrue(stretchedCropOnly(copy, "nicaragua", STRETCHED_CROP));
    }

    @Test
    void aCropPosedUnstretchedIsNotThisRulesCase() {
        BufferedImage copy = RepostGalleries.quarterCrop(RepostGalleries.openclipart("nicaragua"), 0.5, 0.5);
        assertFalse(stretchedCropOnly(copy, "nicaragua", CROP));
    }

    /**
     * The evaluation's quarter crop of a teal map symbol on its page (`hosta_0_symbol_1m_bwh`, seed 4), as looked up, against a
     * bullet hole's page, which it listed from its crop rectangle before this bar.
     */
    @Test
    void aPageKeptWholeWithABlobOnItIsNever() {
        BufferedImage copy = RepostGalleries.openclipart("hosta_0_quarter_crop");
        RepostSignature page = stored("bullet_hole_ab");
        assertEquals(1.0, page.keptArea(), 1e-6, "the store keeps the bullet hole's page whole");
        // where the evaluation's search settled (seed 4): cropped, stretched, turned 3°
        assertFalse(stretchedCropOnly(copy, "bullet_hole_ab", new RepostVerifier.Pose(0.406, 0.594, 0.66, 0.53, Math.toRadians(-3), false)));
    }
}
