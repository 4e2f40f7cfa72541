package dev.acgbot.gallery;

import java.util.Map;

/**
 * @param images       distinct images (by content)
 * @param files        file paths
 * @param embeddings   live vectors per CLIP model id
 * @param indexKinds   "exact" or "graph" per CLIP model id
 * @param generation   see {@link Gallery#generation()}
 * @param storeBytes   size of the store file
 */
public record GalleryStats(int images, int files, Map<String, Integer> embeddings, Map<String, String> indexKinds,
                           long generation, long storeBytes) {
    public GalleryStats {
        embeddings = Map.copyOf(embeddings);
        indexKinds = Map.copyOf(indexKinds);
    }
}
