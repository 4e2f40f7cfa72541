package dev.acgbot.gallery.internal;

import org.mapdb.DB;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Schema 3 to 4: {@link Margins} now trims a page that is blank at thumbnail size to its small drawing
 * ({@link SmallDrawings}), so the {@link RepostSignature}s of pictures kept whole as blank pages are dropped (21 of the
 * evaluation's 6,899). As after {@link RepostSignatureMigration}, {@link ChangeDetection} counts those entries
 * incomplete and the next reindex (incremental is enough) reads just those files again and signs them; every other
 * signature is unchanged, so no other file is read.
 */
final class SmallDrawingMigration implements SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SmallDrawingMigration.class);

    @Override
    public int fromVersion() {
        return 3;
    }

    @Override
    public void migrate(DB db) {
        HTreeMap<String, byte[]> signatures = db.hashMap(RepostSignatureMigration.MAP, Serializer.STRING, Serializer.BYTE_ARRAY)
                .createOrOpen();
        int dropped = 0;
        for (String sha : List.copyOf(signatures.keySet())) {
            byte[] b = signatures.get(sha);
            if (RepostSignature.readable(b) && SmallDrawings.storedAsBlankPage(RepostSignature.decode(b))) {
                signatures.remove(sha);
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.info("{} pictures kept whole as blank pages are to be signed again as small drawings: the next reindex reads "
                    + "those files once more; until then the duplicate search decides them by their hashes", dropped);
        }
    }
}
