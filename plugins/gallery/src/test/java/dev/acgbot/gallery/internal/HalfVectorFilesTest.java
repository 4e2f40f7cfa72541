package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.search.Rescorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfVectorFilesTest {
    private static final int DIM = 40;

    /** What the store holds: every vector at fp16 precision, as the codec stores it. */
    private final Map<String, float[]> store = new LinkedHashMap<>();

    private float[] vector(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = Float.float16ToFloat(Float.floatToFloat16((float) random.nextGaussian()));
        }
        return v;
    }

    /** 70 rows (more than one word of the presence bits): row 3 re-embedded (dead, live again at the end), one dead row. */
    private ModelRows rows() {
        Random random = new Random(7);
        ModelRows rows = new ModelRows("clip/b-16", "hash-1", DIM);
        for (int i = 0; i < 68; i++) {
            String sha = "sha" + i;
            store.put(sha, vector(random));
            rows.put(sha, store.get(sha));
        }
        store.put("sha3", vector(random));
        rows.put("sha3", store.get("sha3"));
        rows.putDead("gone");
        return rows;
    }

    private HalfVectorFiles.Embeddings embeddings() {
        return store::forEach;
    }

    @Test
    void everyLiveRowComesBackAsTheStoreHoldsItAndNoOtherRowDoes(@TempDir Path dir) {
        HalfVectorFiles files = new HalfVectorFiles(dir);
        ModelRows rows = rows();
        assertTrue(files.save(rows, 42, embeddings()));
        assertTrue(Files.isRegularFile(dir.resolve("clip_b-16.f16v")), "model ids are made safe as file names");
        try (MappedHalfRows mapped = files.open(rows, 42).orElseThrow()) {
            assertEquals(70, mapped.rows());
            for (int row = 0; row < 70; row++) {
                String sha = rows.shas.view().get(row);
                boolean live = rows.rowOf.row(sha) == row;
                if (live) {
                    assertArrayEquals(store.get(sha), mapped.vector(row), 0f, "row " + row);
                } else {
                    assertNull(mapped.vector(row), "dead row " + row + " is not served");
                }
            }
            assertNull(mapped.vector(70), "past the file");
            assertNull(mapped.vector(-1));
        }
    }

    @Test
    void aFileOfAnotherGenerationModelDimensionOrRowOrderIsNotUsed(@TempDir Path dir) {
        HalfVectorFiles files = new HalfVectorFiles(dir);
        ModelRows rows = rows();
        files.save(rows, 42, embeddings());
        assertTrue(files.open(rows, 43).isEmpty(), "stale generation");
        ModelRows otherModel = new ModelRows("clip/b-16", "hash-2", DIM);
        ModelRows otherDimension = new ModelRows("clip/b-16", "hash-1", DIM + 1);
        ModelRows otherOrder = new ModelRows("clip/b-16", "hash-1", DIM);
        List<String> shas = new ArrayList<>();
        for (int row = 0; row < rows.shas.size(); row++) {
            shas.add(rows.shas.view().get(row));
        }
        for (String sha : shas) {
            otherModel.putDead(sha);
            otherDimension.putDead(sha);
        }
        // the same images numbered otherwise (a graph build compacts and renumbers rows)
        for (int i = shas.size() - 1; i >= 0; i--) {
            otherOrder.put(shas.get(i), store.getOrDefault(shas.get(i), new float[DIM]));
        }
        assertTrue(files.open(otherModel, 42).isEmpty(), "other manifest");
        assertTrue(files.open(otherDimension, 42).isEmpty(), "other dimension");
        assertTrue(files.open(otherOrder, 42).isEmpty(), "other numbering");
        assertTrue(files.open(rows, 42).isPresent(), "and the rows it was written for still use it");
    }

    @Test
    void aTruncatedOrDamagedFileIsNotUsed(@TempDir Path dir) throws Exception {
        HalfVectorFiles files = new HalfVectorFiles(dir);
        ModelRows rows = rows();
        files.save(rows, 42, embeddings());
        Path file = files.file(rows.modelId);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 2));
        assertTrue(files.open(rows, 42).isEmpty(), "one value short");
        Files.write(file, Arrays.copyOf(whole, 10));
        assertTrue(files.open(rows, 42).isEmpty(), "cut inside the header");
        byte[] longer = Arrays.copyOf(whole, whole.length + 2);
        Files.write(file, longer);
        assertTrue(files.open(rows, 42).isEmpty(), "longer than its rows");
        byte[] badMagic = whole.clone();
        badMagic[0] ^= 1;
        Files.write(file, badMagic);
        assertTrue(files.open(rows, 42).isEmpty(), "not this format");
        Files.write(file, whole);
        assertTrue(files.open(rows, 42).isPresent());
    }

    @Test
    void rescoringFromTheFileGivesTheStoresScoresAndRowsAppendedSinceReadTheStore(@TempDir Path dir) {
        HalfVectorFiles files = new HalfVectorFiles(dir);
        ModelRows rows = rows();
        files.save(rows, 42, embeddings());
        MappedHalfRows mapped = files.open(rows, 42).orElseThrow();
        // an image indexed after the file was mapped (a running gallery appends rows): only the store has it
        store.put("new", vector(new Random(9)));
        rows.put("new", store.get("new"));
        var pool = Executors.newSingleThreadExecutor();
        try {
            List<String> storeReads = new ArrayList<>();
            ModelRows.Snapshot fromStore = rows.snapshot(pool, 1, store::get, 100);
            rows.half = mapped;
            ModelRows.Snapshot fromFile = rows.snapshot(pool, 1, sha -> {
                storeReads.add(sha);
                return store.get(sha);
            }, 100);
            float[] query = vector(new Random(11));
            for (int row = 0; row < rows.shas.size(); row++) {
                if (rows.rowOf.row(rows.shas.get(row)) == row) {
                    assertEquals(fromStore.rescorer().score(query, row), fromFile.rescorer().score(query, row), 0f, "row " + row);
                }
            }
            assertEquals(List.of("new"), storeReads, "only the row appended after the file was read from the store");
            rows.half.close();
            Rescorer afterClose = fromFile.rescorer();
            assertEquals(fromStore.rescorer().score(query, 5), afterClose.score(query, 5), 0f, "a closed file falls back to the store");
            assertEquals(List.of("new", "sha5"), storeReads);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRowDigestChangesWithTheOrderOfTheNamesAndWithAnyName() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            names.add(String.format(java.util.Locale.ROOT, "%064x", i * 7919L));
        }
        long digest = digestOf(names);
        assertEquals(digest, digestOf(new ArrayList<>(names)), "the same names in the same order");
        java.util.Set<Long> others = new java.util.HashSet<>();
        for (int i = 0; i + 1 < 1000; i += 50) {
            List<String> swapped = new ArrayList<>(names);
            java.util.Collections.swap(swapped, i, i + 1);
            others.add(digestOf(swapped));
            List<String> renamed = new ArrayList<>(names);
            renamed.set(i, names.get(i) + "x");
            others.add(digestOf(renamed));
        }
        others.add(digestOf(names.subList(0, 999)));
        assertEquals(41, others.size(), "every change gives its own digest");
        assertTrue(!others.contains(digest));
    }

    private static long digestOf(List<String> names) {
        Column<String> column = new Column<>();
        names.forEach(column::append);
        return HalfVectorFiles.digest(column.view(), names.size());
    }

    @Test
    void aMappedFileStaysReadableWhenANewOneReplacesIt(@TempDir Path dir) {
        HalfVectorFiles files = new HalfVectorFiles(dir);
        ModelRows rows = rows();
        files.save(rows, 42, embeddings());
        float[] before = store.get("sha10").clone();
        try (MappedHalfRows old = files.open(rows, 42).orElseThrow()) {
            store.put("sha10", vector(new Random(5)));
            assertTrue(files.save(rows, 43, embeddings()));
            assertArrayEquals(before, old.vector(10), 0f, "the old mapping keeps the old file's values");
            try (MappedHalfRows now = files.open(rows, 43).orElseThrow()) {
                assertArrayEquals(store.get("sha10"), now.vector(10), 0f);
            }
            assertTrue(files.open(rows, 42).isEmpty(), "the old generation is gone from disk");
        }
    }
}
