package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.EmbeddingEncoding;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.gallery.rating.RatingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatingMigrationTest {

    private static GalleryEntry entry(String sha, Map<String, Float> tags, String tagger, ContentRating rating) {
        return new GalleryEntry(sha, List.of(Path.of("/g/" + sha + ".png")), 10, Instant.ofEpochMilli(5_000), 8, 8,
                Optional.empty(), 1L, 2L, tags, tagger, Map.of(), rating);
    }

    /** Schema 1 wrote exactly today's bytes without the trailing rating (a writeUTF: 2 length bytes + the name). */
    private static byte[] schema1(GalleryEntry e) {
        byte[] now = EntryCodec.encode(e);
        return Arrays.copyOf(now, now.length - 2 - e.rating().name().length());
    }

    @Test
    void aSchema1StoreIsRatedFromItsStoredRatingTagsWhenOpened(@TempDir Path dir) {
        Path file = dir.resolve("g.db");
        GalleryEntry tagged = entry("aaa", Map.of("1girl", 0.9f, "explicit", 0.5f, "general", 0.3f), "wd", ContentRating.UNRATED);
        GalleryEntry safe = entry("bbb", Map.of("general", 0.95f), "wd", ContentRating.UNRATED);
        GalleryEntry untagged = entry("ccc", Map.of(), "", ContentRating.UNRATED);
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16, List.of(new RatingMigration(RatingRule.defaults())))) {
            HTreeMap<String, byte[]> entries = store.db().hashMap("entries", Serializer.STRING, Serializer.BYTE_ARRAY).open();
            for (GalleryEntry e : List.of(tagged, safe, untagged)) {
                entries.put(e.sha256(), schema1(e));
            }
            store.db().hashMap("meta", Serializer.STRING, Serializer.STRING).open().put("schemaVersion", "1");
            store.db().commit();
        }
        assertThrows(IllegalStateException.class, () -> GalleryStore.open(file, EmbeddingEncoding.FP16),
                "schema 2 code refuses a schema 1 store without the migration");
        try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16, List.of(new RatingMigration(RatingRule.defaults())))) {
            assertEquals(GalleryStore.SCHEMA_VERSION, store.schemaVersion(), "and on through the repost signatures (schema 3)");
            assertEquals(entry("aaa", tagged.tags(), "wd", ContentRating.EXPLICIT), store.entry("aaa").orElseThrow());
            assertEquals(ContentRating.SAFE, store.entry("bbb").orElseThrow().rating());
            assertEquals(ContentRating.UNRATED, store.entry("ccc").orElseThrow().rating());
        }
    }

    @Test
    void theRatingSurvivesTheCodec() {
        for (ContentRating r : ContentRating.values()) {
            GalleryEntry e = entry("ddd", Map.of("general", 0.9f), "wd", r);
            assertEquals(e, EntryCodec.decodeEntry(EntryCodec.encode(e)));
        }
    }
}
