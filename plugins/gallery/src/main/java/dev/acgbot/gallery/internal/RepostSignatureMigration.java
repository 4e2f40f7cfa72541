package dev.acgbot.gallery.internal;

import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * Schema 2 to 3 (after {@link RatingMigration}'s 1 to 2): adds the map of {@link RepostSignature}s. They are computed from the pixels, which the store does
 * not hold, so the map starts empty: {@link ChangeDetection} counts an entry without one as incomplete, and the
 * next reindex (incremental is enough) reads those files once more. Until then the duplicate search decides such
 * entries by their hashes alone, as schema 2 did.
 */
final class RepostSignatureMigration implements SchemaMigration {
    static final String MAP = "repostSignatures";

    @Override
    public int fromVersion() {
        return 2;
    }

    @Override
    public void migrate(DB db) {
        db.hashMap(MAP, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
    }
}
