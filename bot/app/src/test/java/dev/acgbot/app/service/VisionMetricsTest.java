package dev.acgbot.app.service;

import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.console.ConsoleAdapter;
import dev.acgbot.core.plugins.PluginDiscovery;
import dev.acgbot.core.plugins.ServiceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vision plugins' figures in the Prometheus scrape, on the SYNTHETIC known-answer models and colour gallery:
 * inference per model and device, cache hits per cache, gallery size, reindex progress.
 */
class VisionMetricsTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void inferenceCachesGalleryAndReindexAppearInTheScrape(@TempDir Path dir) throws Exception {
        BotConfig config = BotConfig.parse("""
                bot:
                  data_dir: %s
                models:
                  manifests_dir: [%s]
                  device: cpu
                  tagger: synthetic-wd-vit-tagger-v3
                  clip_image: synthetic-colour-clip-image
                  clip_text: synthetic-colour-clip-text
                gallery:
                  folders: [%s]
                """.formatted(dir.resolve("data"), REPO.resolve("models/synthetic"), REPO.resolve("plugins/commands/known-answer/gallery")));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServiceRegistry services = new ServiceRegistry();
        services.register(MeterRegistry.class, metrics);
        ConsoleAdapter console = new ConsoleAdapter(new ByteArrayInputStream("/reindex\n/search 樱花 k:2\n/search 樱花 k:2\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, dir, dir.resolve("out"));
        try (BotRuntime runtime = BotRuntime.startWithSources(config, new PluginDiscovery().fromClassPath(getClass().getClassLoader()),
                List.of(console), services)) {
            assertTrue(console.awaitEndWithin(180), "the script finished");
            String scrape = metrics.scrape();
            assertEquals(1.0, sample(scrape, "acgbot_inference_seconds_count{device=\"cpu\",model=\"synthetic-colour-clip-text\"}"), scrape);
            assertTrue(sample(scrape, "acgbot_inference_seconds_count{device=\"cpu\",model=\"synthetic-colour-clip-image\"}") >= 1,
                    "the gallery's embedding calls are timed too");
            assertEquals(1.0, sample(scrape, "acgbot_cache_requests_total{cache=\"search_results\",result=\"hit\"}"), scrape);
            assertEquals(1.0, sample(scrape, "acgbot_cache_requests_total{cache=\"search_results\",result=\"miss\"}"), scrape);
            assertEquals(7.0, sample(scrape, "acgbot_gallery_images"), scrape);
            assertEquals(0.0, sample(scrape, "acgbot_reindex_running"), scrape);
            assertEquals(1.0, sample(scrape, "acgbot_commands_total{command=\"reindex\",outcome=\"ok\"}"), scrape);
            assertEquals(2.0, sample(scrape, "acgbot_commands_total{command=\"search\",outcome=\"ok\"}"), scrape);
        }
    }
}
