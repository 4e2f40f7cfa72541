package dev.acgbot.commands.admin;

import dev.acgbot.commands.VisionMessages;
import dev.acgbot.api.i18n.Language;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.BotMetrics;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.Services;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.api.text.ByteSizes;
import dev.acgbot.commands.CachedInference;
import dev.acgbot.commands.VisionGallery;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.gallery.GalleryStats;
import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** /stats: gallery size, models and their device, cache hit rates, queue and latency, the last reindex. */
public final class StatsCommand {
    private final CachedInference cached;
    private final Inference inference;
    private final VisionGallery gallery;
    private final ReindexCommand reindex;
    private final Services services;

    public StatsCommand(CachedInference cached, Inference inference, VisionGallery gallery, ReindexCommand reindex, Services services) {
        this.cached = cached;
        this.inference = inference;
        this.gallery = gallery;
        this.reindex = reindex;
        this.services = services;
    }

    public BotCommand command() {
        return BotCommand.of(CommandSpec.builder("stats", "")
                .localize(VisionMessages.BUNDLE)
                .adminOnly()
                .example("/stats")
                .build(), this::stats);
    }

    private void stats(CommandContext ctx) {
        Language language = ctx.language();
        RichText.Builder text = RichText.builder().bold(m(language, "stats.gallery")).newline();
        GalleryStats g = gallery.get().stats();
        text.plain(m(language, "stats.gallery_line", n(g.images()), n(g.files()), ByteSizes.human(g.storeBytes()), n(g.generation()))).newline();
        g.embeddings().forEach((model, count) -> text.plain(m(language, "stats.embeddings_line", model, n(count),
                g.indexKinds().getOrDefault(model, "exact"))).newline());
        text.plain(m(language, "stats.ratings_line", n(g.ratings().get(ContentRating.SAFE)),
                n(g.ratings().get(ContentRating.SENSITIVE)), n(g.ratings().get(ContentRating.QUESTIONABLE)),
                n(g.ratings().get(ContentRating.EXPLICIT)), n(g.ratings().get(ContentRating.UNRATED)))).newline();
        text.bold(m(language, "stats.models")).newline();
        ModelsSettings m = cached.models();
        for (String id : m.configuredModels()) {
            // fresh on purpose: the device is known only once a model is loaded, and /stats is rare
            Optional<ModelInfo> info = inference.model(id);
            String state = info.map(i -> i.available() ? m(language, "stats.model_installed", i.device())
                    : m(language, "stats.model_not_installed")).orElse(m(language, "stats.model_not_configured"));
            text.plain(m(language, "stats.model_line", id, state)).newline();
        }
        text.bold(m(language, "stats.caches")).newline();
        for (Map.Entry<String, CacheStats> e : cached.caches().stats().entrySet()) {
            CacheStats c = e.getValue();
            text.plain(m(language, "stats.cache_line", cacheName(e.getKey(), language),
                    String.format(Locale.ROOT, "%.0f", c.requestCount() == 0 ? 0.0 : c.hitRate() * 100), n(c.hitCount()), n(c.missCount()))).newline();
        }
        services.find(BotMetrics.class).ifPresent(metrics -> {
            text.bold(m(language, "stats.commands")).newline();
            text.plain(m(language, "stats.commands_line", n(metrics.handled()), n(metrics.running()), n(metrics.queueDepth()),
                    n(metrics.rejectedBusy()))).newline();
            text.plain(m(language, "stats.latency_line", millis(metrics.latencyPercentileMillis(50), language),
                    millis(metrics.latencyPercentileMillis(95), language)));
        });
        reindex.current().ifPresent(job -> text.newline().bold(m(language, "stats.reindex")).newline().plain("  " + job.describe(language)));
        ctx.reply(Reply.text(text.build()));
    }

    private static String millis(double ms, Language language) {
        return Double.isNaN(ms) ? m(language, "stats.na") : m(language, "stats.ms", String.format(Locale.ROOT, "%.0f", ms));
    }

    private static String m(Language language, String key, Object... args) {
        return VisionMessages.format(language, key, args);
    }

    /** Counts as plain digits (MessageFormat would group them: 12,345). */
    private static String n(long value) {
        return Long.toString(value);
    }

    /**
     * A cache's name in the reader's language ({@code stats.cache.image_embeddings}); a cache added without a
     * bundle entry keeps its metric name rather than showing a key.
     */
    static String cacheName(String name, Language language) {
        String key = "stats.cache." + name.replace(' ', '_');
        return VisionMessages.BUNDLE.keys(Language.EN).contains(key) ? m(language, key) : name;
    }
}
