package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.GalleryEntry;

import java.util.Map;
import java.util.Optional;

/**
 * What the configuration asks of every entry: an embedding from each CLIP model (by manifest hash) and, with
 * a tagger, tags from it.
 *
 * @param manifestHashes CLIP model id to the manifest hash its embeddings must carry
 */
record Wanted(Map<String, String> manifestHashes, Optional<String> tagger) {
    Wanted {
        manifestHashes = Map.copyOf(manifestHashes);
    }

    boolean isComplete(GalleryEntry e) {
        for (Map.Entry<String, String> m : manifestHashes.entrySet()) {
            if (!m.getValue().equals(e.embeddings().get(m.getKey()))) {
                return false;
            }
        }
        return tagger.map(t -> t.equals(e.taggerModel())).orElse(true);
    }

    boolean needsInference() {
        return !manifestHashes.isEmpty() || tagger.isPresent();
    }
}
