package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A copy whose pHash is noise (a star polygon) gets {@link DefaultGallery#NOISY_SLOTS} candidates more, the closest by
 * dHash alone, after the usual {@link DefaultGallery#MAX_CANDIDATES} by p + d; any other copy gets the usual ones only.
 */
class NoisyPHashCandidatesTest {

    @Test
    void theClosestByDHashAreVerifiedToo_onlyForACopyWhosePHashIsNoise() {
        Map<String, HashRows.Near> near = new LinkedHashMap<>();
        // 30 look-alikes closer by p + d, each 4 dHash bits away; the source's pHash bits flipped, its dHash exact
        for (int i = 0; i < 30; i++) {
            near.put(String.format("alike%02d", i), new HashRows.Near(10 + i % 5, 4, 14 + i % 5, 4));
        }
        near.put("source", new HashRows.Near(28, 0, 28, 0));
        near.put("far", new HashRows.Near(30, 6, 36, 6));
        near.put("beyond", new HashRows.Near(30, 9, 39, 9)); // past NOISY_DHASH: not verified

        List<String> usual = keys(DefaultGallery.candidates(near, List.of(), false));
        assertEquals(DefaultGallery.MAX_CANDIDATES, usual.size());
        assertFalse(usual.contains("source"));

        List<String> noisy = keys(DefaultGallery.candidates(near, List.of(), true));
        assertEquals(usual, noisy.subList(0, DefaultGallery.MAX_CANDIDATES), "the usual candidates first, unchanged");
        // then by dHash: the source, then the six look-alikes not chosen yet, then the farthest within the bound; fewer
        // than the slots left
        assertEquals("source", noisy.get(DefaultGallery.MAX_CANDIDATES));
        assertEquals(near.size() - 1, noisy.size());
        assertEquals("far", noisy.getLast());
        assertFalse(noisy.contains("beyond"));
    }

    private static List<String> keys(List<Map.Entry<String, HashRows.Near>> candidates) {
        return candidates.stream().map(Map.Entry::getKey).toList();
    }
}
