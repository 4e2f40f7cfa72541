package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.rating.ContentRating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 5: one store commit per batch of entries, embeddings, file records and failures together, then the
 * same changes in memory; and the removal of vanished files.
 */
final class BatchCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryIndexer.class);
    private static final int REMOVALS_PER_COMMIT = 1000;

    private final IndexTarget target;
    private final GalleryStore store;
    private final Wanted wanted;
    int added;
    int updated;
    int removed;
    int failed;

    BatchCommitter(IndexTarget target) {
        this.target = target;
        this.store = target.store();
        this.wanted = target.wanted();
    }

    void commit(List<Prepared> batch, BatchInference.Results results) {
        List<MemoryChange> changes = new ArrayList<>();
        for (Prepared p : batch) {
            switch (p) {
                case Prepared.Failed f -> fail(f);
                case Prepared.Known k -> record(k.file(), k.sha(), k.source(), Optional.empty(), results, changes);
                case Prepared.Analysed a -> record(a.file(), a.sha(), a.source(), Optional.of(a.analysis()), results, changes);
                case Prepared.OutOfMemory o -> throw new IllegalStateException("out-of-memory items stop the run before commit");
            }
        }
        target.publish(store.commit(), changes);
    }

    private void fail(Prepared.Failed f) {
        failed++;
        LOG.warn("skipping {} until it changes: {}", f.file().path(), f.reason());
        store.putFailure(f.file().key(), new FailureRecord(f.file().size(), f.file().mtimeMillis(), f.reason()));
    }

    private void record(FoundFile file, String sha, Optional<String> source, Optional<Prepared.Analysis> analysis,
                        BatchInference.Results results, List<MemoryChange> changes) {
        Optional<FileRecord> previous = store.file(file.key());
        Optional<dev.acgbot.gallery.GalleryEntry> existing = store.entry(sha);
        EntryDraft draft = EntryDraft.of(sha, existing).file(file).source(source);
        boolean inferred = results.inferred(sha);
        if (analysis.isPresent() && (existing.isEmpty() || inferred || !store.hasSignature(sha))) {
            Prepared.Analysis a = analysis.get();
            draft.pixels(a);
            boolean newSignature = store.signature(sha).map(s -> s.trimmedPHash() != a.signature().trimmedPHash()
                    || s.trimmedDHash() != a.signature().trimmedDHash()
                    || !java.util.Arrays.equals(s.windows(), a.signature().windows())
                    || !java.util.Arrays.equals(s.colour(), a.signature().colour())).orElse(true);
            store.putSignature(sha, a.signature());
            if (existing.isEmpty() || existing.get().pHash() != a.pHash() || existing.get().dHash() != a.dHash() || newSignature) {
                changes.add(new MemoryChange.Hashes(sha, a.pHash(), a.dHash(), a.signature().trimmedPHash(),
                        a.signature().trimmedDHash(), a.signature().windows(), a.signature().colour()));
            }
        }
        Map<String, Float> tags = results.tags().get(sha);
        if (tags != null) {
            draft.tags(wanted.tagger().orElse(""), tags);
        }
        ContentRating rating = results.ratings().get(sha);
        if (rating != null) {
            draft.rated(rating, wanted.classifier().orElse(""));
        }
        for (Map.Entry<String, String> m : wanted.manifestHashes().entrySet()) {
            float[] v = results.vectors().getOrDefault(m.getKey(), Map.of()).get(sha);
            if (v != null) {
                draft.embedded(m.getKey(), m.getValue());
                store.putEmbedding(m.getKey(), sha, m.getValue(), v);
                changes.add(new MemoryChange.Vector(m.getKey(), sha, v));
            }
        }
        store.putEntry(draft.build());
        if (existing.isEmpty()) {
            added++;
        } else {
            updated++;
        }
        store.putFile(file.key(), new FileRecord(file.size(), file.mtimeMillis(), sha));
        store.removeFailure(file.key());
        if (previous.isPresent() && !previous.get().sha256().equals(sha)) {
            // the file's content changed: the old content loses this path
            detach(previous.get().sha256(), file.path(), changes);
        }
    }

    /** Drops {@code path} from an entry; an entry left without paths leaves the gallery. */
    private void detach(String sha, Path path, List<MemoryChange> changes) {
        Optional<dev.acgbot.gallery.GalleryEntry> old = store.entry(sha);
        if (old.isEmpty()) {
            return;
        }
        EntryDraft draft = EntryDraft.of(sha, old).withoutPath(path);
        if (draft.hasPaths()) {
            store.putEntry(draft.build());
        } else {
            store.removeEntry(sha);
            changes.add(new MemoryChange.Gone(sha));
        }
    }

    /** Forgets files that are gone, except under folders that could not be read; commits every 1000. */
    void removeVanished(java.util.Set<String> seen, java.util.Set<Path> unreadableRoots,
                        dev.acgbot.gallery.ReindexListener listener) {
        List<String> goneFailures = store.failurePaths().stream().filter(path -> isGone(path, seen, unreadableRoots)).toList();
        goneFailures.forEach(store::removeFailure);
        List<String> gone = store.filePaths().stream().filter(path -> isGone(path, seen, unreadableRoots)).toList();
        List<MemoryChange> changes = new ArrayList<>();
        for (int i = 0; i < gone.size(); i++) {
            String path = gone.get(i);
            Optional<FileRecord> rec = store.file(path);
            store.removeFile(path);
            if (rec.isPresent()) {
                detach(rec.get().sha256(), Path.of(path), changes);
            }
            removed++;
            if ((i + 1) % REMOVALS_PER_COMMIT == 0 || i == gone.size() - 1) {
                target.publish(store.commit(), changes);
                changes = new ArrayList<>();
                listener.onProgress(new dev.acgbot.gallery.ReindexProgress(i + 1, gone.size(), 0, java.time.Duration.ZERO,
                        dev.acgbot.gallery.ReindexProgress.Phase.REMOVING));
            }
        }
        if (gone.isEmpty() && !goneFailures.isEmpty()) {
            store.commit();
        }
    }

    private static boolean isGone(String path, java.util.Set<String> seen, java.util.Set<Path> unreadableRoots) {
        Path p = Path.of(path);
        return !seen.contains(path) && unreadableRoots.stream().noneMatch(p::startsWith);
    }
}
