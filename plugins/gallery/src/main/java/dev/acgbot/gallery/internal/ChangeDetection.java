package dev.acgbot.gallery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage 2: which found files need reading. A file is skipped when its size and mtime match what the store
 * recorded and its entry is complete (with its repost signature: a store migrated from schema 1 has none), or when it failed before and has not changed since (a full reindex
 * reads everything again).
 */
final class ChangeDetection {
    /** @param work files to read; @param unchanged skipped as indexed; @param knownFailures skipped as failed before */
    record Plan(List<FoundFile> work, int unchanged, int knownFailures) {
    }

    private ChangeDetection() {
    }

    static Plan plan(List<FoundFile> found, GalleryStore store, Wanted wanted, boolean rereadAll) {
        List<FoundFile> work = new ArrayList<>();
        int unchanged = 0;
        int knownFailures = 0;
        for (FoundFile f : found) {
            if (rereadAll) {
                work.add(f);
            } else if (isIndexed(f, store, wanted)) {
                unchanged++;
            } else if (store.failure(f.key()).filter(r -> r.matches(f)).isPresent()) {
                knownFailures++;
            } else {
                work.add(f);
            }
        }
        return new Plan(work, unchanged, knownFailures);
    }

    private static boolean isIndexed(FoundFile f, GalleryStore store, Wanted wanted) {
        Optional<FileRecord> rec = store.file(f.key());
        return rec.isPresent() && rec.get().size() == f.size() && rec.get().mtimeMillis() == f.mtimeMillis()
                && store.entry(rec.get().sha256()).map(wanted::isComplete).orElse(false)
                && store.hasSignature(rec.get().sha256());
    }
}
