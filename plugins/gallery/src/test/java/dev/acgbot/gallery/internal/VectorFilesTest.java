package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorFilesTest {

    private static ModelRows sample() {
        ModelRows rows = new ModelRows("clip/b-16", "hash-1", 3);
        rows.put("a", new float[]{0.6f, 0.8f, 0f});
        rows.put("b", new float[]{0f, -1f, 0f});
        rows.put("a", new float[]{1f, 0f, 0f}); // re-embedded: row 0 is dead now, row 2 live
        rows.putDead("gone");
        return rows;
    }

    @Test
    void rowsComeBackWithTheirNumberingScalesAndDeadRows(@TempDir Path dir) {
        VectorFiles files = new VectorFiles(dir);
        ModelRows saved = sample();
        files.save(saved, 42);
        ModelRows loaded = files.load("clip/b-16", "hash-1", 3, 42).orElseThrow();
        assertEquals(saved.matrix.size(), loaded.matrix.size());
        for (int row = 0; row < saved.matrix.size(); row++) {
            assertEquals(saved.shas.view().get(row), loaded.shas.view().get(row));
            assertArrayEquals(saved.matrix.view().row(row), loaded.matrix.view().row(row), 0f);
            assertEquals(saved.dead.snapshot().deleted(row), loaded.dead.snapshot().deleted(row), "dead flag of row " + row);
        }
        assertEquals(saved.rowOf.toMap(), loaded.rowOf.toMap());
        assertEquals(2, loaded.live());
        assertTrue(dir.resolve("clip_b-16.i8v").toFile().isFile(), "model ids are made safe as file names");
    }

    @Test
    void aFileOfAnotherGenerationModelOrDimensionIsNotUsed(@TempDir Path dir) {
        VectorFiles files = new VectorFiles(dir);
        files.save(sample(), 42);
        assertEquals(Optional.empty(), files.load("clip/b-16", "hash-1", 3, 43).map(r -> r.modelId));
        assertEquals(Optional.empty(), files.load("clip/b-16", "hash-2", 3, 42).map(r -> r.modelId));
        assertEquals(Optional.empty(), files.load("clip/b-16", "hash-1", 4, 42).map(r -> r.modelId));
        assertEquals(Optional.empty(), files.load("other", "hash-1", 3, 42).map(r -> r.modelId));
    }
}
