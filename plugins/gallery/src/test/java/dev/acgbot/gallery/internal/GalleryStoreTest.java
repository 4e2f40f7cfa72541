package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.EmbeddingEncoding;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.rating.RatingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.Serializer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GalleryStoreTest {

    static GalleryEntry sample(String sha) {
        return new GalleryEntry(sha, List.of(Path.of("/g/b.png"), Path.of("/g/a.png")), 1234, Instant.ofEpochMilli(99_000),
                640, 480, Optional.of("https://www.pixiv.net/artworks/1"), 0x0123456789ABCDEFL, -1L,
                Map.of("1girl", 0.9f), "tagger", Map.of("clip", "h1"));
    }

    @Test
    void entriesFilesAndEmbeddingsSurviveReopen(@TempDir Path dir) {
        Path file = dir.resolve("g.db");
        float[] v = unit(512, 1);
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16)) {
            store.putEntry(sample("abc"));
            store.putFile("/g/a.png", new FileRecord(1234, 99_000, "abc"));
            store.putEmbedding("clip", "abc", "h1", v);
            assertEquals(1, store.commit());
        }
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16)) {
            assertEquals(sample("abc"), store.entry("abc").orElseThrow());
            assertEquals(List.of(Path.of("/g/a.png"), Path.of("/g/b.png")), store.entry("abc").get().paths());
            assertEquals(new FileRecord(1234, 99_000, "abc"), store.file("/g/a.png").orElseThrow());
            EmbeddingCodec.Stored e = store.embedding("clip", "abc").orElseThrow();
            assertEquals("h1", e.manifestHash());
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i], e.vector()[i], 1e-3);
            }
            assertEquals(1, store.generation());
            assertEquals(GalleryStore.SCHEMA_VERSION, store.schemaVersion());
        }
    }

    @Test
    void uncommittedWritesAreRolledBackAndMismatchedEmbeddingsSkipped(@TempDir Path dir) {
        try (GalleryStore store = GalleryStore.open(dir.resolve("g.db"), EmbeddingEncoding.INT8)) {
            store.putEmbedding("clip", "old", "h0", unit(16, 2));
            store.putEmbedding("clip", "new", "h1", unit(16, 3));
            store.commit();
            store.putEntry(sample("zzz"));
            store.rollback();
            assertTrue(store.entry("zzz").isEmpty());
            List<String> seen = new java.util.ArrayList<>();
            store.forEachEmbedding("clip", "h1", (sha, vec) -> seen.add(sha));
            assertEquals(List.of("new"), seen);
        }
    }

    @Test
    void compactEncodingsStayCloseToTheOriginal() {
        float[] v = unit(512, 4);
        for (EmbeddingEncoding enc : EmbeddingEncoding.values()) {
            float[] back = enc.roundTrip(v);
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += v[i] * back[i];
            }
            assertTrue(dot > 0.999, enc + " cosine " + dot);
        }
        assertEquals(2 + 0 + 1 + 4 + 1024, EmbeddingCodec.encode("", v, EmbeddingEncoding.FP16).length);
        assertEquals(2 + 0 + 1 + 4 + 4 + 512, EmbeddingCodec.encode("", v, EmbeddingEncoding.INT8).length);
    }

    @Test
    void migrationHookRunsFromAnOlderSchemaAndNewerSchemasAreRefused(@TempDir Path dir) {
        Path file = dir.resolve("g.db");
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16)) {
            store.db().hashMap("meta", Serializer.STRING, Serializer.STRING).open().put("schemaVersion", "0");
            store.db().commit();
        }
        assertThrows(IllegalStateException.class, () -> GalleryStore.open(file, EmbeddingEncoding.FP16));
        SchemaMigration zeroToOne = new SchemaMigration() {
            @Override
            public int fromVersion() {
                return 0;
            }

            @Override
            public void migrate(DB db) {
                db.hashMap("meta", Serializer.STRING, Serializer.STRING).open().put("migrated", "yes");
            }
        };
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16,
                List.of(zeroToOne, new RatingMigration(RatingRule.defaults())))) {
            assertEquals(GalleryStore.SCHEMA_VERSION, store.schemaVersion());
            assertEquals("yes", store.db().hashMap("meta", Serializer.STRING, Serializer.STRING).open().get("migrated"));
            store.db().hashMap("meta", Serializer.STRING, Serializer.STRING).open().put("schemaVersion", "99");
            store.db().commit();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GalleryStore.open(file, EmbeddingEncoding.FP16));
        assertTrue(e.getMessage().contains("newer"));
    }

    @Test
    void aSignatureInAnOlderFormatCountsAsMissingSoTheNextReindexSignsAgain(@TempDir Path dir) {
        try (GalleryStore store = GalleryStore.open(dir.resolve("g.db"), EmbeddingEncoding.FP16)) {
            store.putEntry(sample("abc"));
            store.db().hashMap(RepostSignatureMigration.MAP, Serializer.STRING, Serializer.BYTE_ARRAY).open()
                    .put("abc", new byte[]{1, 0, 0, 0});
            store.commit();
            assertTrue(store.signature("abc").isEmpty());
            assertTrue(!store.hasSignature("abc"));
            List<String> seen = new java.util.ArrayList<>();
            store.forEachSignature((sha, s) -> seen.add(sha));
            assertEquals(List.of(), seen);
        }
    }

    @Test
    void aSchemaTwoStoreBecomesCurrentWithItsEntriesAndNoRepostSignaturesYet(@TempDir Path dir) {
        Path file = dir.resolve("g.db");
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16)) {
            store.putEntry(sample("abc"));
            store.db().hashMap("meta", Serializer.STRING, Serializer.STRING).open().put("schemaVersion", "2");
            store.commit();
        }
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16)) {
            assertEquals(4, store.schemaVersion(), "through schema 3 (the signatures' map) and 4 (SmallDrawingMigration)");
            assertEquals(sample("abc"), store.entry("abc").orElseThrow());
            assertTrue(store.signature("abc").isEmpty(), "computed by the next reindex, which re-reads the file");
        }
    }

    static float[] unit(int dim, long seed) {
        Random r = new Random(seed);
        float[] v = new float[dim];
        double s = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
            s += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] /= (float) Math.sqrt(s);
        }
        return v;
    }

}
