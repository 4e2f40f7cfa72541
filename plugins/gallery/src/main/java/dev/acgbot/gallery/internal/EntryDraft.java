package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.rating.ContentRating;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The one place the indexer makes a {@link GalleryEntry}: start from the stored one (or nothing), change, build. */
final class EntryDraft {
    private final String sha;
    private final Set<Path> paths = new LinkedHashSet<>();
    private long byteSize;
    private Instant modified = Instant.EPOCH;
    private int width;
    private int height;
    private Optional<String> source = Optional.empty();
    private long pHash;
    private long dHash;
    private Map<String, Float> tags = Map.of();
    private String taggerModel = "";
    private ContentRating rating = ContentRating.UNRATED;
    private String classifierModel = "";
    private final Map<String, String> embeddings = new LinkedHashMap<>();

    private EntryDraft(String sha) {
        this.sha = sha;
    }

    static EntryDraft of(String sha, Optional<GalleryEntry> stored) {
        EntryDraft d = new EntryDraft(sha);
        stored.ifPresent(e -> {
            d.paths.addAll(e.paths());
            d.byteSize = e.byteSize();
            d.modified = e.modified();
            d.width = e.width();
            d.height = e.height();
            d.source = e.sourceUrl();
            d.pHash = e.pHash();
            d.dHash = e.dHash();
            d.tags = e.tags();
            d.taggerModel = e.taggerModel();
            d.rating = e.rating();
            d.classifierModel = e.classifierModel();
            d.embeddings.putAll(e.embeddings());
        });
        return d;
    }

    /** A file with this content: its path, size and mtime (the newest mtime of all paths wins). */
    EntryDraft file(FoundFile f) {
        paths.add(f.path());
        byteSize = f.size();
        modified = Instant.ofEpochMilli(Math.max(f.mtimeMillis(), modified.toEpochMilli()));
        return this;
    }

    EntryDraft withoutPath(Path path) {
        paths.remove(path);
        return this;
    }

    boolean hasPaths() {
        return !paths.isEmpty();
    }

    EntryDraft source(Optional<String> found) {
        if (found.isPresent()) {
            source = found;
        }
        return this;
    }

    EntryDraft pixels(Prepared.Analysis a) {
        width = a.width();
        height = a.height();
        pHash = a.pHash();
        dHash = a.dHash();
        return this;
    }

    EntryDraft tags(String tagger, Map<String, Float> kept) {
        taggerModel = tagger;
        tags = kept;
        return this;
    }

    /** The rating from this inference's sources (tagger, classifier or both), and the classifier that saw it. */
    EntryDraft rated(ContentRating rated, String classifier) {
        rating = rated;
        classifierModel = classifier;
        return this;
    }

    EntryDraft embedded(String modelId, String manifestHash) {
        embeddings.put(modelId, manifestHash);
        return this;
    }

    GalleryEntry build() {
        return new GalleryEntry(sha, paths.stream().toList(), byteSize, modified, width, height, source, pHash, dHash,
                tags, taggerModel, embeddings, rating, classifierModel);
    }
}
