package dev.acgbot.commands.internal;

import dev.acgbot.commands.settings.CacheSettings;
import dev.acgbot.gallery.SearchHit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VisionCachesTest {
    final VisionCaches caches = new VisionCaches(new CacheSettings(100, 100, 100, 100, Duration.ofMinutes(5)));

    @Test
    void sameImageIsComputedOnceAndCountedAsAHit() {
        AtomicInteger runs = new AtomicInteger();
        VisionCaches.ImageKey key = new VisionCaches.ImageKey("abc", "model");
        caches.imageEmbedding(key, k -> new float[]{runs.incrementAndGet()});
        float[] second = caches.imageEmbedding(key, k -> new float[]{runs.incrementAndGet()});
        assertEquals(1, runs.get());
        assertEquals(1f, second[0]);
        assertEquals(1, caches.stats().get("image embeddings").hitCount());
        assertEquals(1, caches.stats().get("image embeddings").missCount());
    }

    @Test
    void searchResultsOfAnOlderGenerationAreNotReused() {
        AtomicInteger runs = new AtomicInteger();
        List<SearchHit> none = List.of();
        caches.search(new VisionCaches.SearchKey("q", 5, 1), k -> { runs.incrementAndGet(); return none; });
        caches.search(new VisionCaches.SearchKey("q", 5, 1), k -> { runs.incrementAndGet(); return none; });
        caches.search(new VisionCaches.SearchKey("q", 5, 2), k -> { runs.incrementAndGet(); return none; });
        assertEquals(2, runs.get());
    }

    @Test
    void queriesAreNormalised() {
        assertEquals("cherry blossom", VisionCaches.normalise("  Cherry   BLOSSOM "));
    }
}
