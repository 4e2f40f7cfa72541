package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HammingIndexTest {

    @Test
    void findsExactlyWhatABruteForceScanFinds() {
        Random r = new Random(5);
        HammingIndex index = new HammingIndex();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long h = r.nextLong();
            if (i % 10 == 0 && i > 0) {
                // near copies of earlier hashes, some flips in every quarter
                h = all.get(r.nextInt(all.size()));
                for (int f = r.nextInt(13); f > 0; f--) {
                    h ^= 1L << r.nextInt(64);
                }
            }
            all.add(h);
            index.add(h);
        }
        HammingIndex.Reader reader = index.reader();
        for (int q = 0; q < 200; q++) {
            long query = all.get(r.nextInt(all.size())) ^ (1L << r.nextInt(64));
            for (int radius : new int[]{0, 3, 8, 12}) {
                HashSet<Integer> expected = new HashSet<>();
                for (int i = 0; i < all.size(); i++) {
                    if (Long.bitCount(all.get(i) ^ query) <= radius) {
                        expected.add(i);
                    }
                }
                assertEquals(expected, new HashSet<>(reader.within(query, radius)), "radius " + radius);
            }
        }
    }

    @Test
    void aReaderIgnoresRowsAddedAfterIt() {
        HammingIndex index = new HammingIndex();
        index.add(42L);
        HammingIndex.Reader before = index.reader();
        index.add(42L);
        assertEquals(List.of(0), before.within(42L, 0));
        assertEquals(2, index.reader().within(42L, 0).size());
    }
}
