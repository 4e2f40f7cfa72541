package dev.acgbot.commands.search;

import dev.acgbot.gallery.SearchHit;

import java.util.List;

/**
 * The hits worth showing: those at or above the similarity floor, best first as the gallery returned them.
 *
 * @param shown  hits at or above the floor
 * @param hidden how many fell below it
 * @param best   the best score of all hits (NaN when there were none), to tell the user how close the gallery came
 */
record SearchAnswer(List<SearchHit> shown, int hidden, float best) {

    static SearchAnswer of(List<SearchHit> hits, double floor) {
        List<SearchHit> shown = hits.stream().filter(h -> h.score() >= floor).toList();
        float best = (float) hits.stream().mapToDouble(SearchHit::score).max().orElse(Double.NaN);
        return new SearchAnswer(shown, hits.size() - shown.size(), best);
    }
}
