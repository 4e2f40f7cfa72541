package dev.acgbot.commands.tag;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeywordRankerTest {

    @Test
    void closestKeywordRanksFirstAndProbabilitiesSumToOne() {
        float[] image = {1, 0, 0};
        Map<String, float[]> texts = Map.of("red", new float[]{0.9f, 0.436f, 0}, "blue", new float[]{0, 0, 1}, "pink", new float[]{0.6f, 0.8f, 0});
        List<KeywordRanker.Ranked> ranked = KeywordRanker.rank(image, List.of("blue", "pink", "red"), texts::get);
        assertEquals(List.of("red", "pink", "blue"), ranked.stream().map(KeywordRanker.Ranked::keyword).toList());
        assertEquals(1.0, ranked.stream().mapToDouble(KeywordRanker.Ranked::probability).sum(), 1e-9);
        assertTrue(ranked.get(0).probability() > 0.99);
    }

    @Test
    void keywordListsSplitOnCommasOrSpaces() {
        assertEquals(List.of("猫", "樱花", "sword"), TagCommand.splitKeywords("猫，樱花, sword"));
        assertEquals(List.of("red", "blue"), TagCommand.splitKeywords("red blue red"));
        assertEquals(List.of("cherry blossom", "night sky"), TagCommand.splitKeywords("cherry blossom, night sky"));
    }
}
