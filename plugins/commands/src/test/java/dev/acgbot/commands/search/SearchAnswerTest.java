package dev.acgbot.commands.search;

import dev.acgbot.commands.internal.Captions;
import dev.acgbot.gallery.SearchHit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchAnswerTest {

    private static SearchHit hit(float score) {
        return new SearchHit(null, score);
    }

    @Test
    void hitsBelowTheFloorAreHiddenAndCounted() {
        List<SearchHit> hits = List.of(hit(0.41f), hit(0.2f), hit(0.19f), hit(-0.0001f));
        SearchAnswer answer = SearchAnswer.of(hits, 0.2);
        assertEquals(List.of(hits.get(0), hits.get(1)), answer.shown());
        assertEquals(2, answer.hidden());
        assertEquals(0.41f, answer.best());
    }

    @Test
    void nothingAboveTheFloorShowsNothingButKeepsTheBestScore() {
        SearchAnswer answer = SearchAnswer.of(List.of(hit(0.01f), hit(-0.0002f)), 0.2);
        assertEquals(List.of(), answer.shown());
        assertEquals(2, answer.hidden());
        assertEquals(0.01f, answer.best());
    }

    @Test
    void aTinyNegativeSimilarityIsNeverPrintedAsMinusZero() {
        assertEquals("0.000", Captions.score(-0.0002f));
        assertEquals("-0.012", Captions.score(-0.012f));
        assertEquals("0.412", Captions.score(0.4123f));
    }
}
