package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A picture looked up while the gallery holds it and quarter crops of it lists those crops, named cropped ({@link StoredCrops}):
 * the other direction of a repost lookup, where someone posts the original of crops the community already has.
 */
class StoredCropGalleryTest {
    private static final int ORIGINALS = 6;
    /** Where each original's stored quarter crop keeps its top-left corner, as a share of the room left. */
    private static final double[][] PLACES = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5, 0.5}, {0.2, 0.8}};

    /** pic0-5: coloured pictures; pic6-11: a quarter crop of each, at its own place. */
    private static BufferedImage picture(int i) {
        return pictureOrCrop(i, 0.75);
    }

    /** pic0-5: coloured pictures; pic6-11: a crop of each keeping {@code share} of its width and height, at its own place. */
    private static BufferedImage pictureOrCrop(int i, double share) {
        if (i < ORIGINALS) {
            return TestImages.resized(TestImages.picture(700 + i), 2);
        }
        double[] at = PLACES[i - ORIGINALS];
        return RepostGalleries.crop(pictureOrCrop(i - ORIGINALS, share), share, at[0], at[1]);
    }

    @Test
    void aPictureLookedUpListsItsStoredQuarterCropsNamedCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, 2 * ORIGINALS, StoredCropGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<String> found = new ArrayList<>(), expected = new ArrayList<>();
            for (int i = 0; i < ORIGINALS; i++) {
                List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(picture(i)), 8);
                found.add(RepostGalleries.describe(hits));
                expected.add("pic" + i + ".png true [], pic" + (i + ORIGINALS) + ".png true [CROPPED]");
            }
            assertEquals(String.join("\n", expected), String.join("\n", found));
        }
    }

    /** Where each stored tenth crop keeps its top-left corner, as a share of the room left. */
    private static final double[][] TENTH_PLACES = {{1, 1}, {0.5, 0.5}, {0.2, 0.8}, {0.8, 0.3}};

    /**
     * pic0: openclipart's Grenada flag; pic1-4: tenth crops of it, at their own places, cut from it reduced to a
     * 512-pixel shorter side, as `bench stored-reposts` cuts them.
     */
    private static BufferedImage flagOrTenthCrop(int i) {
        BufferedImage flag = RepostGalleries.openclipart("grenada");
        if (i == 0) {
            return flag;
        }
        double[] at = TENTH_PLACES[i - 1];
        return RepostGalleries.crop(reduced(flag), 0.9, at[0], at[1]);
    }

    private static BufferedImage reduced(BufferedImage img) {
        return TestImages.resized(img, 512.0 / Math.min(img.getWidth(), img.getHeight()));
    }

    /**
     * The flag posted again (reduced and re-encoded, as a chat app sends it) lists its stored tenth crops: the colour rules
     * compare the posted picture's colours with a hit's over the part the hit covers ({@link PosedColours}). Over the
     * whole flag, each crop's colours lay off the flag's (a tenth crop keeps less of the border), and beside the flag's
     * own hit every crop was dropped as the flag in other colours ({@link Variants#otherTint}).
     */
    @Test
    void aFlagPostedAgainListsItsStoredTenthCropsThoughTheirColoursOverallDiffer(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, 1 + TENTH_PLACES.length, StoredCropGalleryTest::flagOrTenthCrop),
                new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(TestImages.jpegRoundTrip(reduced(flagOrTenthCrop(0)), 0.9f)), 8);
            assertEquals(List.of("pic0.png", "pic1.png", "pic2.png", "pic3.png", "pic4.png"),
                    hits.stream().map(h -> h.entry().path().getFileName().toString()).sorted().toList());
        }
    }

    /**
     * A sibling icon is not listed as a crop of the posted one: openclipart's line-join icons, a thick corner rounded in
     * one and mitred in the other, posed from a tenth window as cut from each other at 0.98, while unmoved they agree as
     * well (evaluation, seed 77: four of the round join's edits listed the mitred one).
     */
    @Test
    void aSiblingIconThatFitsUnmovedIsNotListedAsACropOfThePostedOne(@TempDir Path tmp) {
        List<String> names = List.of("join_round", "join_miter");
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, names.size(), i -> RepostGalleries.openclipart(names.get(i))),
                new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<String> found = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                found.add(RepostGalleries.describe(g.findDuplicates(TestImages.decoded(TestImages.jpegRoundTrip(
                        RepostGalleries.openclipart(names.get(i)), 0.75f)), 8)));
            }
            assertEquals(List.of("pic0.png true []", "pic1.png true []"), found);
        }
    }

    /**
     * The other kind of stored crop, a tenth one, is listed too and named cropped: most by the lookup's own candidates (which
     * named them a border, the posted picture holding more, until {@link StoredCrops#namedAsCut}), the rest by the posted
     * picture's tenth windows ({@link TenthWindows}; without them the crop at the top-left corner was not listed).
     */
    @Test
    void aPictureLookedUpListsItsStoredTenthCropsNamedCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, 2 * ORIGINALS, i -> pictureOrCrop(i, 0.9)), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<String> found = new ArrayList<>(), expected = new ArrayList<>();
            for (int i = 0; i < ORIGINALS; i++) {
                found.add(RepostGalleries.describe(g.findDuplicates(TestImages.decoded(pictureOrCrop(i, 0.9)), 8)));
                // pic2's crop, at the bottom-left corner, the pose search also reads as turned, as it did when it was named a border
                expected.add("pic" + i + ".png true [], pic" + (i + ORIGINALS) + ".png true [CROPPED" + (i == 2 ? ", ROTATED]" : "]"));
            }
            assertEquals(String.join("\n", expected), String.join("\n", found));
        }
    }
}
