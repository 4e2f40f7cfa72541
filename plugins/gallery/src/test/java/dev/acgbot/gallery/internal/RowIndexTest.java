package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RowIndexTest {

    /** Appends, re-puts and removes at random, as ModelRows does, and checks every answer against a HashMap. */
    @Test
    void answersAsAHashMapThroughAppendsReplacementsAndRemovals() {
        Column<String> shas = new Column<>();
        RowIndex index = new RowIndex(shas);
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        String[] names = new String[3_000];
        for (int i = 0; i < names.length; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            names[i] = Sha256.hex(digest);
        }
        for (int step = 0; step < 20_000; step++) {
            String sha = names[random.nextInt(names.length)];
            if (random.nextInt(4) == 0) {
                assertEquals(expected.getOrDefault(sha, -1), index.remove(sha), "remove " + sha);
                expected.remove(sha);
            } else {
                int row = shas.append(sha);
                index.put(row);
                expected.put(sha, row);
            }
            if (step % 1000 == 0) {
                assertEquals(expected, index.toMap());
            }
        }
        assertEquals(expected, index.toMap());
        assertEquals(expected.size(), index.size());
        for (String sha : names) {
            assertEquals(expected.getOrDefault(sha, -1), index.row(sha));
        }
    }

    /** Short names with colliding homes (tests name images "a", "b"): removal must keep the rest of a probe run found. */
    @Test
    void removingFromAProbeRunKeepsTheOthersFound() {
        Column<String> shas = new Column<>();
        RowIndex index = new RowIndex(shas);
        for (String name : new String[]{"a", "b", "c", "d", "e", "f", "g"}) {
            index.put(shas.append(name));
        }
        assertEquals(2, index.remove("c"));
        assertEquals(-1, index.remove("c"));
        assertEquals(Map.of("a", 0, "b", 1, "d", 3, "e", 4, "f", 5, "g", 6), index.toMap());
        index.put(shas.append("a"));
        assertEquals(7, index.row("a"));
        assertEquals(6, index.size());
    }
}
