package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The candidates a turned-back copy found take {@link DefaultGallery#TURN_SLOTS} of the {@link DefaultGallery#MAX_CANDIDATES}
 * places, closest turned window first, ahead of the pictures closer by the whole hashes: a flowchart box's framed, turned
 * and brightened copy had its source 8th by the turned window (seed 77, round 28) and 30 pictures closer by the whole ones.
 */
class TurnedSlotsCandidatesTest {

    @Test
    void theEighthClosestByATurnedWindowIsVerifiedThoughTwentyFourAreCloserByTheWholeHashes() {
        Map<String, HashRows.Near> near = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            near.put(String.format("whole%02d", i), new HashRows.Near(6, 6, 12 + i, 6)); // p + d over the pairings, growing
        }
        // found by the turned window only, 2-12 bits away; the source 8th (its distance ties the 5th-7th, its key sorts last)
        int[] turned = {2, 4, 6, 6, 8, 8, 8};
        for (int i = 0; i < turned.length; i++) {
            near.put("turned" + i, turnedBy(turned[i]));
        }
        near.put("zsource", turnedBy(8));
        near.put("turned9", turnedBy(12));

        List<String> chosen = DefaultGallery.candidates(near, List.of(), false).stream().map(Map.Entry::getKey).toList();

        assertEquals(DefaultGallery.MAX_CANDIDATES, chosen.size());
        assertEquals(List.of("turned0", "turned1", "turned2", "turned3", "turned4", "turned5", "turned6", "zsource"),
                chosen.subList(0, 8), "the eight closest by a turned window first");
        assertEquals(near.keySet().stream().filter(k -> k.startsWith("whole")).limit(DefaultGallery.MAX_CANDIDATES - 8).toList(),
                chosen.subList(8, DefaultGallery.MAX_CANDIDATES), "then the closest by the whole hashes");
    }

    private static HashRows.Near turnedBy(int distance) {
        return new HashRows.Near(30, 28, 58, 28, HashRows.Near.WHOLE, 64, HashRows.Near.WHOLE, new HashRows.Near.Turn(distance, 0, 21));
    }
}
