package dev.acgbot.gallery.internal;

import org.mapdb.DB;

/**
 * Upgrades a store from {@link #fromVersion()} to {@code fromVersion() + 1}, inside the transaction that also
 * records the new version (so a crash mid-migration leaves the old version).
 */
public interface SchemaMigration {
    int fromVersion();

    void migrate(DB db);
}
