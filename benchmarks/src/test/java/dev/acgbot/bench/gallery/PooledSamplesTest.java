package dev.acgbot.bench.gallery;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PooledSamplesTest {
    private static Map<String, Object> row(String edit, String group, int queries, int first, int falseHits) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("edit", edit);
        r.put("sources", group);
        r.put("queries", queries);
        r.put("recall", first / (double) queries);
        r.put("first", (long) first);
        r.put("false_hits", falseHits);
        return r;
    }

    @Test
    void eachSamplesQueriesSourcesFoundAndFalseHitsAreSummedPerEditAndGroupLeavingOutTheOtherGroups() {
        List<Map<String, Object>> a = List.of(row("crop 25%", "all", 150, 120, 90), row("crop 25%", "not-stars", 122, 112, 0),
                row("crop 25%", "line art", 35, 31, 0), row("blur", "not-stars", 122, 120, 2));
        List<Map<String, Object>> b = List.of(row("crop 25%", "not-stars", 120, 118, 1), row("crop 25%", "line art", 39, 37, 3),
                row("blur", "not-stars", 120, 119, 9));

        assertEquals(List.of(new PooledSamples.Row("crop 25%", "not-stars", 242, 230, 1),
                        new PooledSamples.Row("crop 25%", "line art", 74, 68, 3),
                        new PooledSamples.Row("blur", "not-stars", 242, 239, 11)),
                PooledSamples.pool(List.of(a, b)));
    }

    @Test
    void theGoalNeedsBothTheSourceFirstForNinetyFivePercentAndAtMostOneFalseHitInTwentyQueries() {
        assertEquals(List.of(true, false, false, true),
                List.of(new PooledSamples.Row("e", "not-stars", 20, 19, 1).meetsGoal(), // 0.95, 0.05: both at the bar
                        new PooledSamples.Row("e", "not-stars", 193, 183, 0).meetsGoal(), // 0.948
                        new PooledSamples.Row("e", "not-stars", 39, 39, 2).meetsGoal(), // false/q 0.051
                        new PooledSamples.Row("e", "not-stars", 193, 184, 9).meetsGoal())); // 0.953, 0.047
    }

    @Test
    void theGoalLineCountsTheEditsMetPerGroupAndNamesTheShortOnesButNotTheStarsOnes() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PooledSamples.printGoal("pooled", List.of(new PooledSamples.Row("blur", "not-stars", 242, 239, 1),
                new PooledSamples.Row("crop 25%", "not-stars", 242, 229, 1), new PooledSamples.Row("blur", "line art", 74, 74, 0),
                new PooledSamples.Row("blur", "stars", 50, 10, 80)), new PrintStream(text, true, StandardCharsets.UTF_8));

        assertEquals("""
                pooled: goal (source first >= 0.95, false/q <= 0.05) met on
                  not-stars  1 of 2 edits; short: crop 25% 229/242 = 0.946, false/q 0.004
                  line art   1 of 1 edits
                  stars      0 of 1 edits
                """, text.toString(StandardCharsets.UTF_8));
    }
}
