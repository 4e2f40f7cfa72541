package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.gallery.rating.RatingRule;
import org.mapdb.DB;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

import java.util.List;

/**
 * Schema 1 to 2: every entry gains a content rating, rated from the rating labels among its stored tags (WD's
 * general/sensitive/questionable/explicit kept at the tag threshold) with the configured rule; an entry without
 * a tagger stays {@link ContentRating#UNRATED}.
 */
public record RatingMigration(RatingRule rule) implements SchemaMigration {
    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public void migrate(DB db) {
        HTreeMap<String, byte[]> entries = db.hashMap("entries", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        for (String sha : List.copyOf(entries.keySet())) {
            GalleryEntry e = EntryCodec.decodeEntry(entries.get(sha));
            ContentRating rating = e.taggerModel().isEmpty() ? ContentRating.UNRATED : rule.rateStoredTags(e.tags());
            entries.put(sha, EntryCodec.encode(new GalleryEntry(e.sha256(), e.paths(), e.byteSize(), e.modified(),
                    e.width(), e.height(), e.sourceUrl(), e.pHash(), e.dHash(), e.tags(), e.taggerModel(),
                    e.embeddings(), rating)));
        }
    }
}
