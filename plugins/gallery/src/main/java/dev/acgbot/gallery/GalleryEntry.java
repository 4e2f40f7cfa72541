package dev.acgbot.gallery;

import dev.acgbot.gallery.rating.ContentRating;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One image of the gallery, identified by its content.
 *
 * @param sha256      hex sha256 of the file bytes
 * @param paths       every file with these bytes, sorted
 * @param byteSize    file size
 * @param modified    last-modified time of the newest path
 * @param width       pixel width
 * @param height      pixel height
 * @param sourceUrl   where the image came from, from its file name (pixiv/danbooru ids) or a sidecar file
 * @param pHash       64-bit DCT perceptual hash
 * @param dHash       64-bit difference hash
 * @param tags        tagger labels scoring at least the gallery's tag threshold, best first; empty without a tagger
 * @param taggerModel model id that produced {@code tags}, empty when none
 * @param embeddings  CLIP model id to the manifest hash of the model that embedded this image
 * @param rating      the stricter of the tagger's rating labels (through the gallery's
 *                    {@link dev.acgbot.gallery.rating.RatingRule}) and the rating classifier's
 *                    ({@link dev.acgbot.gallery.rating.RatingClassifier}); {@link ContentRating#UNRATED} when neither
 *                    rated it (and for entries stored before schema 2)
 * @param classifierModel the rating classifier that saw this image, empty when none
 */
public record GalleryEntry(String sha256, List<Path> paths, long byteSize, Instant modified, int width, int height,
                           Optional<String> sourceUrl, long pHash, long dHash, Map<String, Float> tags,
                           String taggerModel, Map<String, String> embeddings, ContentRating rating,
                           String classifierModel) {
    public GalleryEntry {
        classifierModel = classifierModel == null ? "" : classifierModel;
        rating = rating == null ? ContentRating.UNRATED : rating;
        paths = List.copyOf(paths.stream().sorted().toList());
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        embeddings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(embeddings));
    }

    /** An entry no classifier has seen. */
    public GalleryEntry(String sha256, List<Path> paths, long byteSize, Instant modified, int width, int height,
                        Optional<String> sourceUrl, long pHash, long dHash, Map<String, Float> tags,
                        String taggerModel, Map<String, String> embeddings, ContentRating rating) {
        this(sha256, paths, byteSize, modified, width, height, sourceUrl, pHash, dHash, tags, taggerModel, embeddings,
                rating, "");
    }

    /** An entry not rated (yet). */
    public GalleryEntry(String sha256, List<Path> paths, long byteSize, Instant modified, int width, int height,
                        Optional<String> sourceUrl, long pHash, long dHash, Map<String, Float> tags,
                        String taggerModel, Map<String, String> embeddings) {
        this(sha256, paths, byteSize, modified, width, height, sourceUrl, pHash, dHash, tags, taggerModel, embeddings,
                ContentRating.UNRATED);
    }

    /** The first path, the one shown to users. */
    public Path path() {
        return paths.get(0);
    }
}
