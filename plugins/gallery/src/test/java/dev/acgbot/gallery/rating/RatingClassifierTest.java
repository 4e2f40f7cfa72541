package dev.acgbot.gallery.rating;

import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagScore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatingClassifierTest {
    private static final RatingClassifier RULE = new RatingClassifier("nsfwjs", 0.5f, 0.5f, 0.8f);

    /** nsfwjs's five classes in its order. */
    private static List<TagScore> nsfwjs(float drawing, float hentai, float neutral, float porn, float sexy) {
        return List.of(new TagScore("Drawing", TagCategory.GENERAL, drawing), new TagScore("Hentai", TagCategory.GENERAL, hentai),
                new TagScore("Neutral", TagCategory.GENERAL, neutral), new TagScore("Porn", TagCategory.GENERAL, porn),
                new TagScore("Sexy", TagCategory.GENERAL, sexy));
    }

    @Test
    void pornAndHentaiAddUpToTheAdultLevelsAndSexyCountsOnlyForSensitive() {
        assertEquals(ContentRating.SAFE, RULE.rate(nsfwjs(0.002f, 0.003f, 0.771f, 0.22f, 0.004f)), "the truchet wallpaper");
        assertEquals(ContentRating.EXPLICIT, RULE.rate(nsfwjs(0.05f, 0.45f, 0.05f, 0.40f, 0.05f)), "0.45 + 0.40 reaches 0.8 without an arg-max");
        assertEquals(ContentRating.QUESTIONABLE, RULE.rate(nsfwjs(0.3f, 0.5f, 0.1f, 0.05f, 0.05f)));
        assertEquals(ContentRating.SENSITIVE, RULE.rate(nsfwjs(0.1f, 0.1f, 0.3f, 0.1f, 0.4f)), "sexy 0.4 + adult 0.2");
        assertEquals(ContentRating.SAFE, RULE.rate(nsfwjs(0.2f, 0.1f, 0.3f, 0.0f, 0.39f)));
    }

    @Test
    void labelsWithoutTheClassifiersClassesAreUnrated() {
        assertEquals(ContentRating.UNRATED, RULE.rate(List.of(new TagScore("1girl", TagCategory.GENERAL, 0.9f))));
    }

    @Test
    void theStricterOfTwoSourcesWinsAndUnratedLosesToAnyRating() {
        assertEquals(ContentRating.EXPLICIT, ContentRating.SAFE.stricter(ContentRating.EXPLICIT));
        assertEquals(ContentRating.QUESTIONABLE, ContentRating.QUESTIONABLE.stricter(ContentRating.SENSITIVE));
        assertEquals(ContentRating.SAFE, ContentRating.UNRATED.stricter(ContentRating.SAFE));
        assertEquals(ContentRating.SAFE, ContentRating.SAFE.stricter(ContentRating.UNRATED));
        assertEquals(ContentRating.UNRATED, ContentRating.UNRATED.stricter(ContentRating.UNRATED));
    }

    @Test
    void thresholdsOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RatingClassifier("nsfwjs", 0, 0.5f, 0.8f));
        assertThrows(IllegalArgumentException.class, () -> new RatingClassifier("", 0.5f, 0.5f, 0.8f));
    }
}
