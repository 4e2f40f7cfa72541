package dev.acgbot.gallery;

import dev.acgbot.gallery.rating.ContentRating;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * @param images       distinct images (by content)
 * @param files        file paths
 * @param embeddings   live vectors per CLIP model id
 * @param indexKinds   "exact" or "graph" per CLIP model id
 * @param generation   see {@link Gallery#generation()}
 * @param storeBytes   size of the store file
 * @param ratings      images per content rating, every level present (zero counts included), least restricted first
 */
public record GalleryStats(int images, int files, Map<String, Integer> embeddings, Map<String, String> indexKinds,
                           long generation, long storeBytes, Map<ContentRating, Integer> ratings) {
    public GalleryStats {
        Map<ContentRating, Integer> all = new EnumMap<>(ContentRating.class);
        for (ContentRating r : ContentRating.values()) {
            all.put(r, ratings == null ? 0 : ratings.getOrDefault(r, 0));
        }
        ratings = Collections.unmodifiableMap(all);
        embeddings = Map.copyOf(embeddings);
        indexKinds = Map.copyOf(indexKinds);
    }
}
