package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.search.GraphParams;
import dev.acgbot.gallery.search.Int4Matrix;
import dev.acgbot.gallery.search.RowFormat;
import dev.acgbot.gallery.search.VectorIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A model's rows moved to another format keep their numbering, tombstones and graph; 4-bit rows survive the int8 vector file exactly. */
class RowFormatTest {

    private static ModelRows sample(RowFormat format) {
        Random random = new Random(9);
        ModelRows rows = new ModelRows("clip", "hash-1", 9, format);
        for (int i = 0; i < 40; i++) {
            float[] v = new float[9];
            for (int d = 0; d < 9; d++) {
                v[d] = (float) random.nextGaussian();
            }
            rows.put("sha" + (i % 30), v); // the last ten re-embed the first ten: rows 0-9 are dead
        }
        rows.putDead("gone");
        return rows;
    }

    @Test
    void rowsMovedToFourBitKeepNumberingTombstonesAndTheGraph() {
        ModelRows int8 = sample(RowFormat.INT8);
        int8.graph = VectorIndexes.buildGraph(int8.matrix.view(), new GraphParams(4, 16, 16), 1);
        ModelRows int4 = int8.in(RowFormat.INT4);
        assertEquals(RowFormat.INT4, int4.matrix.format());
        assertEquals(int8.matrix.size(), int4.matrix.size());
        assertEquals(int8.rowOf.toMap(), int4.rowOf.toMap());
        assertEquals(30, int4.live());
        for (int row = 0; row < int8.matrix.size(); row++) {
            assertEquals(int8.shas.view().get(row), int4.shas.view().get(row));
            assertEquals(int8.dead.snapshot().deleted(row), int4.dead.snapshot().deleted(row), "row " + row);
        }
        assertEquals(int8.graph.size(), int4.graph.size());
        // the graph now walks the 4-bit rows: its scores are theirs
        float[] q = int4.matrix.view().row(12);
        assertEquals(int4.matrix.view().scorer(q).score(12), int4.graph.search(q, 1, r -> r == 12).get(0).score(), 0f);
        assertSame(int4, int4.in(RowFormat.INT4));
    }

    @Test
    void fourBitRowsComeBackFromTheVectorFileWithTheSameValues(@TempDir Path dir) {
        VectorFiles files = new VectorFiles(dir);
        ModelRows saved = sample(RowFormat.INT4);
        files.save(saved, 7);
        // the file holds int8 values; the start-up reads them into 4-bit rows again, directly or through int8 rows
        ModelRows loaded = files.load("clip", "hash-1", 9, 7, java.util.function.UnaryOperator.identity(), n -> RowFormat.INT4).orElseThrow();
        assertEquals(RowFormat.INT4, loaded.matrix.format());
        assertRowsEqual(saved, loaded);
        assertRowsEqual(saved, files.load("clip", "hash-1", 9, 7).orElseThrow().in(RowFormat.INT4));
    }

    private static void assertRowsEqual(ModelRows saved, ModelRows loaded) {
        Int4Matrix.View before = (Int4Matrix.View) saved.matrix.view();
        Int4Matrix.View after = (Int4Matrix.View) loaded.matrix.view();
        for (int row = 0; row < saved.matrix.size(); row++) {
            // the very nibbles (no second rounding), the scale to its last bit or so (divided by 18 and multiplied back)
            assertArrayEquals(Arrays.copyOfRange(before.chunkOf(row), before.offsetOf(row), before.offsetOf(row) + before.rowBytes()),
                    Arrays.copyOfRange(after.chunkOf(row), after.offsetOf(row), after.offsetOf(row) + after.rowBytes()), "row " + row);
            assertEquals(before.scale(row), after.scale(row), Math.ulp(before.scale(row)), "scale of row " + row);
        }
        assertEquals(saved.rowOf.toMap(), loaded.rowOf.toMap());
    }
}
