package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The second round of a lookup whose candidates all failed (issue 12, crowded candidates, round 11 second wave): a copy in
 * colour has the closest candidates not verified whose colours agree with it verified, so a picture that came in several
 * colours and was crowded out of the candidates by the look-alikes is found; a candidate of other colours is not taken.
 * The evaluation's copy is a tenth crop, halved and re-encoded (crop+resize+JPEG), of the coloured ice cream, whose
 * black-and-white sibling (openclipart, public domain; src/test/resources/openclipart) failed in the first round.
 */
class CrowdedCropsTest {
    private static final int SIDE = 256;
    private static final BufferedImage SOURCE = RepostGalleries.openclipart("glace_03");
    private static final BufferedImage SIBLING = RepostGalleries.openclipart("glace_03_bw");

    @Test
    void aCandidateInTheCopysColoursThatWasNotVerifiedIsVerified() {
        Map.Entry<String, HashRows.Near> sibling = Map.entry("sibling", new HashRows.Near(20, 20, 30, 20));
        Map.Entry<String, HashRows.Near> source = Map.entry("source", new HashRows.Near(24, 22, 40, 22));
        assertEquals(Set.of("source"), verified(Map.ofEntries(sibling, source), List.of(sibling)).keySet());
    }

    @Test
    void aCandidateOfOtherColoursIsNotTaken() {
        // the slots for the closest not verified taken by icons closer still, so that only the colours could take the sibling
        Map<String, HashRows.Near> near = new LinkedHashMap<>();
        for (int i = 0; i < CrowdedCrops.NEXT_WHOLE; i++) {
            near.put("icon" + i, new HashRows.Near(10, 10, 20, 10));
        }
        near.put("sibling", new HashRows.Near(20, 20, 30, 20));
        assertEquals(Set.of(), verified(near, List.of()).keySet());
    }

    /**
     * The closest candidates by the whole hashes that the first round did not verify (its slots went to crop and turned
     * windows first): a framed, turned and brightened copy of the black-and-white ice cream, in grey (no colours to find it
     * by), its source behind icons the first round verified, is found, as seed 5555's flowchart shape (8th by the whole
     * hashes) was; one past those slots is not verified.
     */
    @Test
    void theClosestCandidatesByTheWholeHashesNotVerifiedAreVerified() {
        BufferedImage copy = framedTurnedBrightened(SIBLING);
        Map<String, HashRows.Near> near = new LinkedHashMap<>();
        List<Map.Entry<String, HashRows.Near>> firstRound = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            near.put("icon" + i, new HashRows.Near(10, 10, 20, 10));
            firstRound.add(Map.entry("icon" + i, near.get("icon" + i)));
        }
        near.put("ice cream", new HashRows.Near(14, 12, 26, 12));
        assertEquals(Set.of("ice cream"), verified(copy, near, firstRound).keySet());
        for (int i = 0; i < CrowdedCrops.NEXT_WHOLE; i++) {
            near.put("closer icon" + i, new HashRows.Near(12, 12, 24, 12));
        }
        assertEquals(Set.of(), verified(copy, near, firstRound).keySet());
    }

    /**
     * Seven closest by the whole hashes, not two: the decks of playing cards lie within a few bits of each other on every
     * hash, so a card's framed, turned and brightened copy had its source behind cards of other decks the first round
     * never verified (seed 4242's `bordered_d_7`). The grey ice cream behind six closer icons is still verified.
     */
    @Test
    void theSourceBehindSixCloserCandidatesNotVerifiedIsVerified() {
        BufferedImage copy = framedTurnedBrightened(SIBLING);
        Map<String, HashRows.Near> near = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            near.put("closer icon" + i, new HashRows.Near(12, 12, 24, 12));
        }
        near.put("ice cream", new HashRows.Near(14, 12, 26, 12));
        assertEquals(Set.of("ice cream"), verified(copy, near, List.of()).keySet());
    }

    /**
     * The shortlist past the candidates it fitted: a quarter crop of the black-and-white ice cream (no colours to find it
     * by), whose window lies 12 bits away behind pictures closer by window that fit it worse (an icon's), is verified once
     * those fail, as the lime on a page of seed 200's crop+resize+JPEG copy was.
     */
    @Test
    void aShortlistedCropPastTheFittedOnesThatFitsTheCopyBetterIsVerified() {
        DecodedImage small = reduced(SIBLING.getSubimage(SIBLING.getWidth() / 8, SIBLING.getHeight() / 8,
                SIBLING.getWidth() * 3 / 4, SIBLING.getHeight() * 3 / 4));
        RepostSignature icon = RepostSignature.of(reduced(RepostGalleries.openclipart("kate")));
        Map<String, RepostSignature> signed = new HashMap<>(Map.of("ice cream", RepostSignature.of(reduced(SIBLING))));
        List<Map.Entry<String, HashRows.Near>> byCrop = new ArrayList<>();
        for (int i = 0; i < CropShortlist.FITTED + CrowdedCrops.NEXT; i++) {
            signed.put("icon" + i, icon);
            byCrop.add(Map.entry("icon" + i, centralWindowAt(10)));
        }
        byCrop.add(Map.entry("ice cream", centralWindowAt(12)));
        Map<String, HashRows.Near> near = new LinkedHashMap<>();
        byCrop.forEach(e -> near.put(e.getKey(), e.getValue()));
        Map<String, RepostVerifier.Verdict> verdicts = CrowdedCrops.verify(new RepostVerifier.Query(small), small,
                new CrowdedCrops.Left(near, byCrop, byCrop.subList(0, CropShortlist.FITTED), Map.of()),
                sha -> Optional.ofNullable(signed.get(sha)), SharedWork.CALLER);
        assertEquals(Set.of("ice cream"), verdicts.keySet());
    }

    /** A candidate found by its central crop window ({@link CropWindows}, index 12) at {@code bits}. */
    private static HashRows.Near centralWindowAt(int bits) {
        return new HashRows.Near(30, 20, 40, 20, HashRows.Near.WHOLE, bits, CropWindows.COUNT / 2);
    }

    private static Map<String, RepostVerifier.Verdict> verified(Map<String, HashRows.Near> near, List<Map.Entry<String, HashRows.Near>> verified) {
        return verified(copy(), near, verified);
    }

    /**
     * The second round's verdicts on {@code copy}, with {@code near} the hash stage's candidates and {@code verified} the
     * first round's: "source" the coloured ice cream, "sibling" and "ice cream" the black-and-white one, any other an icon.
     */
    private static Map<String, RepostVerifier.Verdict> verified(BufferedImage copy, Map<String, HashRows.Near> near,
                                                                List<Map.Entry<String, HashRows.Near>> verified) {
        DecodedImage small = reduced(copy);
        RepostSignature icon = RepostSignature.of(reduced(RepostGalleries.openclipart("kate")));
        Map<String, RepostSignature> signed = Map.of("source", RepostSignature.of(reduced(SOURCE)), "sibling", RepostSignature.of(reduced(SIBLING)),
                "ice cream", RepostSignature.of(reduced(SIBLING)));
        return CrowdedCrops.verify(new RepostVerifier.Query(small), small, new CrowdedCrops.Left(near, List.of(), verified, Map.of()),
                sha -> Optional.of(signed.getOrDefault(sha, icon)), SharedWork.CALLER);
    }

    /** {@code picture} framed at 4 %, turned by 4° and brightened a little (contrast 1.1, lift 5 %). */
    private static BufferedImage framedTurnedBrightened(BufferedImage picture) {
        return BrightenedCopyGalleryTest.levels(TestImages.rotated(RepostGalleries.framed(picture, 0.04), 4), 1.1, 0.05);
    }

    private static DecodedImage reduced(BufferedImage img) {
        return ImageOps.reduce(TestImages.decoded(img), SIDE);
    }

    /** The tenth crop at 4 %, 6 % of the room left, halved over areas and saved as JPEG at quality 0.7. */
    private static BufferedImage copy() {
        int w = (int) Math.round(SOURCE.getWidth() * 0.9), h = (int) Math.round(SOURCE.getHeight() * 0.9);
        BufferedImage crop = SOURCE.getSubimage((int) Math.round((SOURCE.getWidth() - w) * 0.4), (int) Math.round((SOURCE.getHeight() - h) * 0.6), w, h);
        int hw = Math.round(w / 2f), hh = Math.round(h / 2f);
        BufferedImage out = new BufferedImage(hw, hh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(crop.getScaledInstance(hw, hh, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return TestImages.jpegRoundTrip(out, 0.7f);
    }
}
