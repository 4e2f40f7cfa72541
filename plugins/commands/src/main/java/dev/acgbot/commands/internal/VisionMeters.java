package dev.acgbot.commands.internal;

import dev.acgbot.gallery.Gallery;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.image.DecodedImage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The vision services' figures in the bot's Micrometer registry: inference time per model and device, cache
 * hits and misses per cache, gallery size. Read from the objects that keep them (Caffeine's stats, the
 * gallery's stats), so /stats and /metrics show the same numbers.
 */
public final class VisionMeters {

    private VisionMeters() {
    }

    /**
     * Hit and miss counters per cache, read from Caffeine's own statistics at each scrape. Micrometer holds the
     * state object weakly: it is the caches, which live as long as the bot.
     */
    public static void bindCaches(MeterRegistry registry, VisionCaches caches) {
        for (String name : caches.stats().keySet()) {
            String tag = name.replace(' ', '_');
            FunctionCounter.builder("acgbot.cache.requests", caches, c -> c.stats().get(name).hitCount()).tag("cache", tag)
                    .tag("result", "hit").description("cache lookups by cache and result").register(registry);
            FunctionCounter.builder("acgbot.cache.requests", caches, c -> c.stats().get(name).missCount()).tag("cache", tag)
                    .tag("result", "miss").description("cache lookups by cache and result").register(registry);
        }
    }

    /** Gallery size once the gallery is open (it opens on first use; a scrape must not open it). */
    public static void bindGallery(MeterRegistry registry, Supplier<Optional<Gallery>> gallery) {
        // strong: the supplier is referenced by nothing else, and a weakly held one would be collected
        Gauge.builder("acgbot.gallery.images", gallery, g -> g.get().map(x -> (double) x.stats().images()).orElse(Double.NaN))
                .description("distinct images in the gallery index").strongReference(true).register(registry);
        Gauge.builder("acgbot.gallery.files", gallery, g -> g.get().map(x -> (double) x.stats().files()).orElse(Double.NaN))
                .description("files in the gallery index").strongReference(true).register(registry);
    }

    /** The inference API, timing every call by model and the device it runs on (the gallery's calls included). */
    public static Inference timed(Inference inner, MeterRegistry registry) {
        return new Timed(inner, registry);
    }

    private record Timed(Inference inner, MeterRegistry registry) implements Inference {
        private <T> T time(String modelId, Supplier<T> call) {
            long started = System.nanoTime();
            T result = call.get();
            long nanos = System.nanoTime() - started;
            // asked after the call: a model loads on first use, and only then is its device known
            String device = inner.model(modelId).map(ModelInfo::device).filter(d -> d != null && !d.isBlank()).orElse("unknown");
            Timer.builder("acgbot.inference").description("time of one inference call (a batch), by model and device")
                    .tag("model", modelId).tag("device", device)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(1))
                    .register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            return result;
        }

        @Override
        public List<ModelInfo> models() {
            return inner.models();
        }

        @Override
        public Optional<ModelInfo> model(String id) {
            return inner.model(id);
        }

        @Override
        public List<TagResult> tag(String modelId, List<DecodedImage> images) {
            return time(modelId, () -> inner.tag(modelId, images));
        }

        @Override
        public List<float[]> embedImages(String modelId, List<DecodedImage> images) {
            return time(modelId, () -> inner.embedImages(modelId, images));
        }

        @Override
        public TextEmbedding embedText(String modelId, String text) {
            return time(modelId, () -> inner.embedText(modelId, text));
        }

        @Override
        public Optional<dev.acgbot.models.api.CheckVerdict> failedCheck(String modelId) {
            return inner.failedCheck(modelId);
        }

        @Override
        public Optional<dev.acgbot.models.api.EngineActivity> activity() {
            return inner.activity(); // the reindex summary's engine busy and per-stage rates
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
