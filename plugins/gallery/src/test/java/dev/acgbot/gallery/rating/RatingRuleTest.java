package dev.acgbot.gallery.rating;

import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagScore;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatingRuleTest {
    private static final RatingRule RULE = RatingRule.defaults(); // sensitive 0.5, questionable 0.35, explicit 0.35

    /** WD v3's four rating labels (category 9) plus a general tag that must not count. */
    private static List<TagScore> wd(float general, float sensitive, float questionable, float explicit) {
        return List.of(new TagScore("general", TagCategory.RATING, general),
                new TagScore("sensitive", TagCategory.RATING, sensitive),
                new TagScore("questionable", TagCategory.RATING, questionable),
                new TagScore("explicit", TagCategory.RATING, explicit),
                new TagScore("explicit", TagCategory.GENERAL, 0.99f));
    }

    @Test
    void theMostRestrictedLevelThatReachesItsThresholdWinsEvenWithoutTheArgMax() {
        assertEquals(ContentRating.SAFE, RULE.rate(wd(0.90f, 0.08f, 0.01f, 0.01f)));
        assertEquals(ContentRating.SENSITIVE, RULE.rate(wd(0.30f, 0.60f, 0.05f, 0.05f)));
        assertEquals(ContentRating.QUESTIONABLE, RULE.rate(wd(0.40f, 0.20f, 0.35f, 0.05f)));
        // 0.45 questionable beats 0.40 explicit in the arg-max, but explicit reached its threshold
        assertEquals(ContentRating.EXPLICIT, RULE.rate(wd(0.05f, 0.10f, 0.45f, 0.40f)));
        assertEquals(ContentRating.SAFE, RULE.rate(wd(0.40f, 0.49f, 0.34f, 0.34f)), "just under every threshold");
    }

    @Test
    void thresholdsComeFromTheRuleAndMustBeProbabilities() {
        RatingRule strict = new RatingRule(0.5f, 0.35f, 0.002f);
        // the synthetic tagger's constant explicit score, sigmoid(-6) = 0.00247
        assertEquals(ContentRating.EXPLICIT, strict.rate(wd(0.88f, 0.18f, 0.018f, 0.00247f)));
        assertEquals(ContentRating.SAFE, RULE.rate(wd(0.88f, 0.18f, 0.018f, 0.00247f)));
        assertThrows(IllegalArgumentException.class, () -> new RatingRule(0.5f, 0f, 0.3f));
        assertThrows(IllegalArgumentException.class, () -> new RatingRule(0.5f, 0.3f, 1.5f));
    }

    @Test
    void joyTagStylePrefixedLabelsCountAndNoRatingLabelMeansUnrated() {
        List<TagScore> joy = List.of(new TagScore("rating:explicit", TagCategory.OTHER, 0.7f),
                new TagScore("1girl", TagCategory.OTHER, 0.9f));
        assertEquals(ContentRating.EXPLICIT, RULE.rate(joy));
        assertEquals(ContentRating.UNRATED, RULE.rate(List.of(new TagScore("1girl", TagCategory.GENERAL, 0.9f))));
        assertEquals(ContentRating.UNRATED, RULE.rate(List.of()));
    }

    @Test
    void storedTagsAreRatedByWdRatingNames() {
        Map<String, Float> stored = new LinkedHashMap<>();
        stored.put("1girl", 0.95f);
        stored.put("questionable", 0.6f);
        stored.put("general", 0.2f);
        assertEquals(ContentRating.QUESTIONABLE, RULE.rateStoredTags(stored));
        assertEquals(ContentRating.UNRATED, RULE.rateStoredTags(Map.of("1girl", 0.9f)));
    }
}
