package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The duplicate search's scan tests a block of rows a column at a time ({@link HammingScan}, {@link WindowRows} window
 * by window); it must keep exactly the rows the plain test of one row after another keeps, across chunk boundaries,
 * with deleted rows, when more rows are within a radius than are kept, and for a copy whose pHash is noise (the closest
 * by dHash alone kept too).
 */
class HashRowsScanTest {
    private static final int ROWS = 5_000; // two full blocks of 2048 and a part

    @Test
    void theBlockScanKeepsExactlyTheRowsARowByRowScanKeeps() {
        Random r = new Random(11);
        long[] centres = {r.nextLong(), r.nextLong(), r.nextLong()};
        HashRows rows = new HashRows();
        for (int i = 0; i < ROWS; i++) {
            long[] windows = new long[CropWindows.COUNT];
            for (int w = 0; w < windows.length; w++) {
                windows[w] = near(r, centres[r.nextInt(3)], 20);
            }
            // every tenth row without windows: its whole pHash stands in for them
            rows.put(sha(i), near(r, centres[i % 3], 20), near(r, centres[(i + 1) % 3], 20), near(r, centres[i % 3], 20),
                    near(r, centres[(i + 2) % 3], 20), i % 10 == 0 ? new long[0] : windows);
        }
        for (int i = 0; i < ROWS; i += 7) {
            rows.remove(sha(i));
        }
        HashRows.Snapshot snapshot = rows.snapshot();
        List<HashRows.Probe> probes = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            long c = centres[k % 3];
            probes.add(new HashRows.Probe(near(r, c, 10), near(r, c, 10), near(r, c, 10), near(r, c, 10),
                    new long[]{near(r, c, 6), near(r, c, 6)}, new long[]{near(r, c, 6), near(r, c, 6)},
                    new long[]{near(r, c, 8), near(r, c, 8), near(r, c, 8)},
                    // moved copies for two probes of three: rows beyond the radius of the copy as posted are found by them
                    k % 3 == 0 ? new long[0] : new long[]{near(r, c, 6), near(r, c, 6)}, new long[]{near(r, c, 8), near(r, c, 8), near(r, c, 8),
                    near(r, c, 8), near(r, c, 8)}, new long[]{near(r, c, 8), near(r, c, 8), near(r, c, 8), near(r, c, 8), near(r, c, 8)},
                    k % 2 == 1));
        }
        // rows on either side of a block's end, and the last: each the probe's exact copy, which must be kept (found as a
        // whole, so its moved copy, here another of the row's windows, is not what ranks the crop candidates)
        int[] edges = {HashRows.Snapshot.BLOCK - 1, HashRows.Snapshot.BLOCK, 2 * HashRows.Snapshot.BLOCK + 1, ROWS - 1};
        for (int row : edges) {
            long[] w = snapshot.windows().windows(row);
            long[] centre = new long[5];
            Arrays.fill(centre, w[TurnedWindows.CENTRE]);
            probes.add(new HashRows.Probe(snapshot.pHashes().hash(row), snapshot.dHashes().hash(row), snapshot.trimmedPHashes().hash(row),
                    snapshot.trimmedDHashes().hash(row), new long[0], new long[0], new long[]{w[3]}, new long[]{w[7]}, centre, centre, false));
        }
        for (int k = 0; k < probes.size(); k++) {
            HashRows.Probe probe = probes.get(k);
            Map<String, HashRows.Near> crowded = new LinkedHashMap<>();
            Set<String> kept = new TreeSet<>(snapshot.near(probe, DefaultGallery.CANDIDATE_RADIUS, crowded).keySet());
            Expected expected = rowByRow(rows, probe, DefaultGallery.CANDIDATE_RADIUS);
            assertEquals(expected.kept(), kept, "probe " + k);
            assertEquals(expected.crowded(), new TreeSet<>(crowded.keySet()), "probe " + k);
            assertTrue(kept.size() >= HashRows.Probe.KEPT, "more rows within the radius than are kept: " + kept.size());
            if (k >= 12) {
                assertTrue(kept.contains(sha(edges[k - 12])), "the copy of row " + edges[k - 12]);
            }
        }
    }

    @Test
    void windowsComeBackAsStoredAcrossChunks() {
        WindowRows rows = new WindowRows();
        Random r = new Random(3);
        List<long[]> stored = new ArrayList<>();
        for (int i = 0; i < 2 * WindowRows.CHUNK_ROWS + 5; i++) {
            long[] w = r.longs(CropWindows.COUNT).toArray();
            stored.add(w);
            rows.append(w, 0);
        }
        long whole = r.nextLong();
        rows.append(new long[0], whole);
        WindowRows.View view = rows.view();
        for (int i = 0; i < stored.size(); i++) {
            assertArrayEquals(stored.get(i), view.windows(i), "row " + i);
        }
        long[] standIn = new long[CropWindows.COUNT];
        Arrays.fill(standIn, whole);
        assertArrayEquals(standIn, view.windows(stored.size()));
    }

    private record Expected(Set<String> kept, Set<String> crowded) {
    }

    /** What the scan keeps, one row at a time with nothing skipped: the closest by each test, as {@link HashRows.Snapshot#near} says. */
    private static Expected rowByRow(HashRows rows, HashRows.Probe q, int radius) {
        HashRows.Snapshot s = rows.snapshot();
        List<long[]> byWhole = new ArrayList<>(), byCrop = new ArrayList<>(), byMovedCrop = new ArrayList<>(), byTurn = new ArrayList<>(),
                byDHash = new ArrayList<>();
        for (int row = 0; row < s.shas().size(); row++) {
            if (s.dead().deleted(row)) {
                continue;
            }
            long p = s.pHashes().hash(row), d = s.dHashes().hash(row), tp = s.trimmedPHashes().hash(row), td = s.trimmedDHashes().hash(row);
            boolean close = Math.min(Math.min(dist(q.pHash(), p), dist(q.pHash(), tp)), Math.min(dist(q.trimmedPHash(), p), dist(q.trimmedPHash(), tp))) <= radius
                    || Math.min(Math.min(dist(q.dHash(), d), dist(q.dHash(), td)), Math.min(dist(q.trimmedDHash(), d), dist(q.trimmedDHash(), td))) <= radius;
            int closest = Math.min(Math.min(dist(q.pHash(), p) + dist(q.dHash(), d), dist(q.trimmedPHash(), tp) + dist(q.trimmedDHash(), td)),
                    Math.min(dist(q.pHash(), tp) + dist(q.dHash(), td), dist(q.trimmedPHash(), p) + dist(q.trimmedDHash(), d)));
            for (int w = 0; w < q.windowPHashes().length; w++) {
                long wp = q.windowPHashes()[w], wd = q.windowDHashes()[w];
                close |= Math.min(dist(wp, p), dist(wp, tp)) <= HashRows.Probe.WINDOW_RADIUS || Math.min(dist(wd, d), dist(wd, td)) <= HashRows.Probe.WINDOW_RADIUS;
                int c = Math.min(dist(wp, p) + dist(wd, d), dist(wp, tp) + dist(wd, td));
                if (c <= HashRows.Probe.WINDOW_RADIUS && c + HashRows.Probe.WINDOW_MARGIN < closest) {
                    closest = c;
                }
            }
            if (close) {
                byWhole.add(new long[]{closest, row});
                int dHash = Math.min(Math.min(dist(q.dHash(), d), dist(q.dHash(), td)), Math.min(dist(q.trimmedDHash(), d), dist(q.trimmedDHash(), td)));
                if (q.noisyPHash() && dHash <= Math.min(radius, HashRows.Probe.NOISY_DHASH)) {
                    byDHash.add(new long[]{dHash * 129L + closest, row});
                }
            }
            long[] windows = s.windows().windows(row);
            int crop = 64 * 64, turn = 64 * 64;
            for (long c : q.cropPHashes()) {
                for (int w = 0; w < windows.length; w++) {
                    crop = Math.min(crop, dist(windows[w], c) * 64 + w);
                }
            }
            int moved = 64 * 64;
            for (long c : q.movedPHashes()) {
                for (int w = 0; w < windows.length; w++) {
                    moved = Math.min(moved, dist(windows[w], c) * 64 + w);
                }
            }
            int movedCrop = moved < crop ? moved / 64 * 64 + (crop / 64 <= HashRows.Probe.CROP_RADIUS ? crop % 64 : moved % 64) : crop;
            for (int i = 0; i < q.turnedPHashes().length; i++) {
                turn = Math.min(turn, dist(windows[TurnedWindows.CENTRE], q.turnedPHashes()[i]) * 64 + i);
            }
            if (crop / 64 <= HashRows.Probe.CROP_RADIUS) {
                byCrop.add(new long[]{crop, row});
            }
            if (movedCrop / 64 <= HashRows.Probe.CROP_RADIUS) {
                byMovedCrop.add(new long[]{movedCrop, row});
            }
            if (turn / 64 <= HashRows.Probe.TURN_RADIUS) {
                byTurn.add(new long[]{turn, row});
            }
        }
        Comparator<long[]> order = Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]);
        List<long[]> wholeKept = byWhole.stream().sorted(order).limit(HashRows.Probe.KEPT).toList();
        // the copy moved counts only when nothing pairs with it as a whole
        boolean movedUsed = q.cropPHashes().length > 0 && q.movedPHashes().length > 0
                && wholeKept.stream().noneMatch(k -> k[0] <= HashRows.Probe.FOUND_WHOLE);
        List<long[]> crops = (movedUsed ? byMovedCrop : byCrop).stream().sorted(order).limit(HashRows.Probe.KEPT + HashRows.Probe.CROWDED).toList();
        Set<String> kept = new TreeSet<>();
        for (List<long[]> closest : List.of(wholeKept,
                crops.subList(0, Math.min(HashRows.Probe.KEPT, crops.size())), byTurn.stream().sorted(order).limit(HashRows.Probe.KEPT).toList(),
                byDHash.stream().sorted(order).limit(HashRows.Probe.KEPT).toList())) {
            closest.forEach(k -> kept.add(sha((int) k[1])));
        }
        Set<String> crowded = crops.subList(Math.min(HashRows.Probe.KEPT, crops.size()), crops.size()).stream()
                .map(k -> sha((int) k[1])).filter(sha -> !kept.contains(sha)).collect(Collectors.toCollection(TreeSet::new));
        return new Expected(kept, crowded);
    }

    /** {@code centre} with up to {@code flips} random bits flipped. */
    private static long near(Random r, long centre, int flips) {
        long h = centre;
        for (int f = r.nextInt(flips + 1); f > 0; f--) {
            h ^= 1L << r.nextInt(64);
        }
        return h;
    }

    private static int dist(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static String sha(int i) {
        return String.format(Locale.ROOT, "%064x", i);
    }
}
