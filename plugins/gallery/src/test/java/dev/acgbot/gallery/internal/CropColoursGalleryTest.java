package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Crops whose source was left out as "the same drawing in another shade" because its colours were read over the whole
 * picture, or coarsely inside the crop (docs/benchmarks.md "Crops in their own colours, round 41"): the evaluation's exact
 * crops (fresh seeds 1234, 2718, 31415), for which a sibling was listed first or alone, and the two the rule's first forms
 * cost (seeds 65537 and 8086). Openclipart fixtures, public domain (src/test/resources/openclipart; Belarus', Estonia's and
 * Ukraine's flags reduced to a 512-pixel shorter side, as the evaluation reduces its sources).
 */
class CropColoursGalleryTest {
    /**
     * A four-scoop cone cropped below its top scoop: read inside the crop on the stored 4x4 colour grid, the source lay 24.5
     * from the copy (the top row still mixes in the scoop cut away), the three-scoop cone 10.5, so the source, better in its
     * edges (0.992 to 0.980), was left out as the cone in other colours ({@link Variants#CROP_COLOURS}).
     */
    @Test
    void aCropKeepsItsSourceWhoseColoursTheCropCutAway(@TempDir Path tmp) {
        String found = RepostGalleries.lookedUpAmong(tmp, 8, List.of("cone4_ganson", "cone3_ganson"), 41,
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("cone4_ganson"), 0.4595, 0.8286));
        assertEquals("pic0.png true [CROPPED], pic1.png true [CROPPED]", found);
    }

    /**
     * A crop of Belarus' red and green stripes, without the ornament: Estonia's blue, black and white stripes fit its edges
     * as well (0.997 to 0.996) and lay 267 from its colours, but the source, 14.5 from them read inside the crop, was not
     * counted as in the copy's own colours, so Estonia was listed first ({@link Variants#CROP_COLOURS}).
     */
    @Test
    void aCropOfAFlagDoesNotListAFlagInOtherColours(@TempDir Path tmp) {
        String found = RepostGalleries.lookedUpAmong(tmp, 8, List.of("belarus", "estonia"), 41,
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("belarus"), 0.4258, 0.9375));
        assertEquals("pic0.png true [CROPPED]", found);
    }

    /**
     * A hit only within the wider own bar of a crop is the less sure of its colours: a tenth crop of a Ukrainian flag,
     * matched at 1.000 (named watermarked, 24.6 from the copy over the whole flag), was left out for the plainer Ukrainian
     * flag at 0.981 (16.9 read inside its crop) until such a hit vouched for itself only within a step of the order
     * ({@link Variants.Bars#slackAt}; seed 65537).
     */
    @Test
    void aCropsLookAlikeDoesNotDisplaceASourceThatAgreesBetter(@TempDir Path tmp) {
        String found = RepostGalleries.lookedUpAmong(tmp, 8, List.of("ukrainian_flag_stepan_kl_01", "ukraine"), 41,
                RepostGalleries.crop(RepostGalleries.openclipart("ukrainian_flag_stepan_kl_01"), 0.9, 0, 0.9));
        assertEquals("pic0.png true [WATERMARKED], pic1.png true [CROPPED]", found);
    }

    /**
     * Within the strict own bar a crop's source keeps {@link Variants#TINT_SLACK}: the evaluation's crop+resize+JPEG copy of
     * the cream three of clubs (saved as it was looked up) lay 2.7 from its source, which agreed at 0.983, and 45 from the
     * white deck's card, which agreed at 0.994; with the step's slack for every gap read inside a crop the white card was
     * listed first (seed 8086).
     */
    @Test
    void aCropsSourceInItsOwnColoursLeavesTheOtherPaperOut(@TempDir Path tmp) {
        String found = RepostGalleries.lookedUpAmong(tmp, 8, List.of("simple_c_3", "white_c_3"), 41,
                RepostGalleries.openclipart("simple_c_3-crop-resize-jpeg"));
        assertEquals("pic0.png true [CROPPED]", found);
    }

    /**
     * Grey icons whose crop keeps their grey box: the plus alone ({@code add}, on white) fits a crop of the boxed plus
     * ({@code ark_new}) mirrored at 0.990, the source at 0.986. Taken over the source's whole picture, margins and all,
     * the source lay 4.6 grey levels from the copy and was not counted as its own paper, so the plain plus, 50.8 lighter,
     * stayed listed first; read inside the crop, the source is the copy's paper ({@link Variants#otherPaper}). An office
     * suite's set-up icon was left out so behind its sibling, listed alone.
     */
    @Test
    void aGreyCropIsWeighedByTheGreyInsideItsPose(@TempDir Path tmp) {
        List<String> found = RepostGalleries.eachLookedUpAmong(tmp, 8, List.of("ark_new", "add", "500_setup", "ooo_setup"), 41, List.of(
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("ark_new"), 0.8667, 1.0),
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("500_setup"), 0, 0.2)));
        assertEquals(List.of("pic0.png true [CROPPED]", "pic2.png true [CROPPED], pic3.png true [CROPPED]"), found);
    }
}
