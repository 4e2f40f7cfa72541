package dev.acgbot.commands.tag;

import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagReportTest {
    static final TagResult RESULT = new TagResult("m", List.of(
            new TagScore("general", TagCategory.RATING, 0.2f),
            new TagScore("sensitive", TagCategory.RATING, 0.7f),
            new TagScore("1girl", TagCategory.GENERAL, 0.5f),
            new TagScore("solo", TagCategory.GENERAL, 0.9f),
            new TagScore("blush", TagCategory.GENERAL, 0.3f),
            new TagScore("hatsune_miku", TagCategory.CHARACTER, 0.95f),
            new TagScore("kagamine_rin", TagCategory.CHARACTER, 0.6f)));

    @Test
    void ratingIsTheMostLikelyAndListsAreThresholdedAndSorted() {
        TagReport report = TagReport.of(RESULT, 0.35, 0.85);
        assertEquals("sensitive", report.rating().orElseThrow().name());
        assertEquals(List.of("hatsune_miku"), report.characters().stream().map(TagScore::name).toList());
        assertEquals(List.of("solo", "1girl"), report.general().stream().map(TagScore::name).toList());
        assertEquals("hatsune miku, solo, 1girl", report.prompt());
    }

    @Test
    void lowerThresholdLetsMoreTagsIn() {
        TagReport report = TagReport.of(RESULT, 0.25, 0.5);
        assertEquals(List.of("solo", "1girl", "blush"), report.general().stream().map(TagScore::name).toList());
        assertEquals(2, report.characters().size());
    }
}
