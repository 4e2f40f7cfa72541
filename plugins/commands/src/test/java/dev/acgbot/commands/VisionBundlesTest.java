package dev.acgbot.commands;

import dev.acgbot.api.i18n.Language;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VisionBundlesTest {

    @Test
    void everyLanguageHasABundleWithEveryKeyAndTheSameArguments() {
        assertEquals(List.of(), VisionMessages.BUNDLE.problems());
        assertEquals(EnumSet.allOf(Language.class), VisionMessages.BUNDLE.languages(), "a bundle for every language we speak");
    }

    @Test
    void pluralsReadNaturallyInBothLanguages() {
        assertEquals(" — no results", VisionMessages.format(Language.EN, "search.results", 0));
        assertEquals(" — 1 result", VisionMessages.format(Language.EN, "search.results", 1));
        assertEquals(" — 6 results", VisionMessages.format(Language.EN, "search.results", 6));
        assertEquals(" —— 6 个结果", VisionMessages.format(Language.ZH, "search.results", 6));
        assertEquals("One weaker match was left out (below similarity 0.200).",
                VisionMessages.format(Language.EN, "search.hidden", 1, "0.200"));
        assertEquals("3 weaker matches were left out (below similarity 0.200).",
                VisionMessages.format(Language.EN, "search.hidden", 3, "0.200"));
        assertEquals("I'll tag the first image.", VisionMessages.format(Language.EN, "tag.first_images", 1));
        assertEquals("I'll tag the first 10 images.", VisionMessages.format(Language.EN, "tag.first_images", 10));
    }
}
