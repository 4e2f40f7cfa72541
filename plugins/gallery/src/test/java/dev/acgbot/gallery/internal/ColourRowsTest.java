package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The colour grid rows ({@link ColourRows}) and their place in the hash file ({@link HashFiles}): the scan that stops a row's sum once it passes the farthest kept must keep
 * exactly the rows a full sum to the kept levels keeps, across chunk boundaries, skipping rows without a grid and deleted
 * ones; the file keeps the grids.
 */
class ColourRowsTest {
    private static final int ROWS = 20_000; // two full chunks of 8192 and a part

    @Test
    void theScanKeepsExactlyTheClosestRowsAFullSumKeeps() {
        Random r = new Random(5);
        ColourRows rows = new ColourRows();
        byte[][] grids = new byte[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            // every ninth row without a grid (an image not signed yet)
            grids[i] = i % 9 == 0 ? new byte[0] : grid(r);
            rows.append(grids[i]);
        }
        ColourRows.View view = rows.view();
        for (int k = 0; k < 20; k++) {
            byte[] q = grid(r);
            int most = 1 + k % 5;
            long[] expected = IntStream.range(0, ROWS).filter(i -> grids[i].length > 0 && i % 7 != 0)
                    .mapToLong(i -> (long) sum(q, grids[i]) << 32 | i).sorted().limit(most).toArray();
            assertArrayEquals(expected, view.closest(q, ROWS, most, row -> row % 7 != 0), "query " + k);
        }
    }

    @Test
    void aRowKeepsItsGridAndARowWithoutOneReadsEmpty() {
        ColourRows rows = new ColourRows();
        byte[] g = grid(new Random(1));
        rows.append(new byte[0]);
        rows.append(g);
        assertEquals(0, rows.view().grid(0).length);
        assertArrayEquals(kept(g), rows.view().grid(1));
        assertArrayEquals(new int[]{1}, rowsOf(rows.view().closest(g, 2, 3, row -> true)));
    }

    @Test
    void aViewNeverSeesRowsAppendedAfterIt() {
        ColourRows rows = new ColourRows();
        byte[] g = grid(new Random(2));
        rows.append(g);
        ColourRows.View before = rows.view();
        rows.append(g);
        assertArrayEquals(new int[]{0}, rowsOf(before.closest(g, Integer.MAX_VALUE, 5, row -> true)));
    }

    @Test
    void theHashFileKeepsEveryRowsColourGridAndIgnoresTheFormatBefore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        HashRows rows = new HashRows();
        byte[] g = grid(new Random(3));
        rows.put("a", 1, 2, 3, 4, new long[0], g);
        rows.put("b", 5, 6, 7, 8, new long[0], new byte[0]);
        HashFiles files = new HashFiles(dir);
        files.save(rows.snapshot(), 4);
        HashRows.Snapshot back = files.load(4).orElseThrow().snapshot();
        assertArrayEquals(kept(g), back.colours().grid(0));
        assertEquals(0, back.colours().grid(1).length, "a row without a signature has no grid");
        assertEquals(java.util.List.of("a"), java.util.List.copyOf(back.byColour(new HashRows.Probe(1, 2, 3, 4), g, 3, sha -> false).keySet()));
        // the same file as the previous format ("PHR3", without grids) wrote it: not read, so the store is
        byte[] bytes = java.nio.file.Files.readAllBytes(files.file());
        bytes[3] = '3';
        java.nio.file.Files.write(files.file(), bytes);
        assertEquals(java.util.Optional.empty(), files.load(4));
    }

    private static int[] rowsOf(long[] keys) {
        return Arrays.stream(keys).mapToInt(k -> (int) k).toArray();
    }

    private static byte[] grid(Random r) {
        byte[] g = new byte[ColourRows.CELLS];
        r.nextBytes(g);
        return g;
    }

    /** {@code g} at the precision the rows keep: each channel to the nearest multiple of 17. */
    private static byte[] kept(byte[] g) {
        byte[] out = new byte[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = (byte) (Math.round((g[i] & 0xFF) / 17.0) * 17);
        }
        return out;
    }

    private static int sum(byte[] q, byte[] stored) {
        byte[] k = kept(stored);
        int s = 0;
        for (int i = 0; i < q.length; i++) {
            int d = (q[i] & 0xFF) - (k[i] & 0xFF);
            s += d * d;
        }
        return s;
    }
}
