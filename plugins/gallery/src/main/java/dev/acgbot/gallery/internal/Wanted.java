package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.GalleryEntry;

import java.util.Map;
import java.util.Optional;

/**
 * What the configuration asks of every entry: an embedding from each CLIP model (by manifest hash), with a
 * tagger tags from it, and with a rating classifier its rating.
 *
 * @param manifestHashes CLIP model id to the manifest hash its embeddings must carry
 * @param classifier     the rating classifier's model id
 */
record Wanted(Map<String, String> manifestHashes, Optional<String> tagger, Optional<String> classifier) {
    Wanted {
        manifestHashes = Map.copyOf(manifestHashes);
    }

    Wanted(Map<String, String> manifestHashes, Optional<String> tagger) {
        this(manifestHashes, tagger, Optional.empty());
    }

    boolean isComplete(GalleryEntry e) {
        for (Map.Entry<String, String> m : manifestHashes.entrySet()) {
            if (!m.getValue().equals(e.embeddings().get(m.getKey()))) {
                return false;
            }
        }
        return tagger.map(t -> t.equals(e.taggerModel())).orElse(true)
                && classifier.map(c -> c.equals(e.classifierModel())).orElse(true);
    }

    boolean needsInference() {
        return !manifestHashes.isEmpty() || tagger.isPresent() || classifier.isPresent();
    }
}
