package dev.acgbot.commands.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.acgbot.commands.settings.CacheSettings;
import dev.acgbot.gallery.SearchHit;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Result caches keyed by content, so the same image posted twice is answered without inference:
 * tag results and image embeddings by (sha256, model); text embeddings by (normalised text, model); search
 * results by (query key, k, index generation), so a reindex that commits makes old results unreachable.
 */
public final class VisionCaches {
    /** Cache key of a model's output for one image. */
    public record ImageKey(String sha256, String modelId) {
    }

    /** Cache key of a text tower's output. */
    public record TextKey(String normalisedText, String modelId) {
    }

    /** Cache key of a search. */
    public record SearchKey(String query, int k, long generation) {
    }

    private final Cache<ImageKey, TagResult> tags;
    private final Cache<ImageKey, float[]> imageEmbeddings;
    private final Cache<TextKey, TextEmbedding> textEmbeddings;
    private final Cache<SearchKey, List<SearchHit>> searches;
    private volatile long searchGeneration = -1;

    public VisionCaches(CacheSettings settings) {
        this.tags = build(settings.tags(), settings);
        this.imageEmbeddings = build(settings.imageEmbeddings(), settings);
        this.textEmbeddings = build(settings.textEmbeddings(), settings);
        this.searches = build(settings.searchResults(), settings);
    }

    private static <K, V> Cache<K, V> build(long size, CacheSettings settings) {
        return Caffeine.newBuilder().maximumSize(size).expireAfterAccess(settings.expireAfterAccess()).recordStats().build();
    }

    public TagResult tags(ImageKey key, Function<ImageKey, TagResult> compute) {
        return tags.get(key, compute);
    }

    public float[] imageEmbedding(ImageKey key, Function<ImageKey, float[]> compute) {
        return imageEmbeddings.get(key, compute);
    }

    public TextEmbedding textEmbedding(TextKey key, Function<TextKey, TextEmbedding> compute) {
        return textEmbeddings.get(key, compute);
    }

    /** Search results for the current generation; older generations are dropped the first time a new one is seen. */
    public List<SearchHit> search(SearchKey key, Function<SearchKey, List<SearchHit>> compute) {
        if (key.generation() != searchGeneration) {
            searchGeneration = key.generation();
            searches.invalidateAll();
        }
        return searches.get(key, compute);
    }

    /** Normalises a query so that trivially different spellings share an entry. */
    public static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** Hit rate and counts per cache, for /stats. */
    public Map<String, CacheStats> stats() {
        Map<String, CacheStats> out = new LinkedHashMap<>();
        out.put("tags", tags.stats());
        out.put("image embeddings", imageEmbeddings.stats());
        out.put("text embeddings", textEmbeddings.stats());
        out.put("search results", searches.stats());
        return out;
    }
}
