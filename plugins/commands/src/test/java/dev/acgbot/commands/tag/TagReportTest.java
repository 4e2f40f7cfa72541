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

    @Test
    void aModelThatScoresThousandsOfTagsIsCutToTheStrongestWithACountOfTheRestAndAPromptOfUsableLength() {
        java.util.List<TagScore> scores = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) { // tag_0000 strongest, all above the threshold
            scores.add(new TagScore(String.format("tag_%04d", i), TagCategory.GENERAL, 0.99f - i * 0.0001f));
        }
        for (int i = 0; i < 30; i++) {
            scores.add(new TagScore(String.format("character_%02d_(series)", i), TagCategory.CHARACTER, 0.99f - i * 0.001f));
        }
        java.util.Collections.shuffle(scores, new java.util.Random(7));
        TagReport report = TagReport.of(new TagResult("m", scores), 0.35, 0.85);

        TagReport.Shown general = report.shownGeneral();
        assertEquals(java.util.stream.IntStream.range(0, 40).mapToObj(i -> String.format("tag_%04d", i)).toList(),
                general.shown().stream().map(TagScore::name).toList());
        assertEquals(4960, general.more());
        TagReport.Shown characters = report.shownCharacters();
        assertEquals(10, characters.shown().size());
        assertEquals("character_00_(series)", characters.shown().get(0).name());
        assertEquals(20, characters.more());

        // the prompt: all 30 characters (24 characters each with ", ") fill 400 characters before any general tag
        String prompt = report.prompt();
        assertEquals(java.util.stream.IntStream.range(0, 16).mapToObj(i -> String.format("character %02d \\(series\\)", i))
                .collect(java.util.stream.Collectors.joining(", ")), prompt);
        assertEquals(true, prompt.length() <= TagReport.PROMPT_CHARS && prompt.length() + 26 > TagReport.PROMPT_CHARS);
    }

    @Test
    void aFewTagsAreShownWholeWithNothingMore() {
        TagReport report = TagReport.of(RESULT, 0.25, 0.5);
        assertEquals(new TagReport.Shown(report.general(), 0), report.shownGeneral());
        assertEquals("hatsune miku, kagamine rin, solo, 1girl, blush", report.prompt());
    }
}
