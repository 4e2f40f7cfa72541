package dev.acgbot.commands.admin;

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
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;

import java.util.List;
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
        return BotCommand.of(CommandSpec.builder("stats", "Gallery, models, caches and latency (admins)")
                .adminOnly()
                .example("/stats")
                .build(), this::stats);
    }

    private void stats(CommandContext ctx) {
        RichText.Builder text = RichText.builder().bold("Gallery").newline();
        GalleryStats g = gallery.get().stats();
        text.plain(g.images() + " images in " + g.files() + " files, store " + ByteSizes.human(g.storeBytes()) + ", generation " + g.generation()).newline();
        g.embeddings().forEach((model, count) -> text.plain("  " + model + ": " + count + " vectors, "
                + g.indexKinds().getOrDefault(model, "exact") + " index").newline());
        text.bold("Models").newline();
        ModelsSettings m = cached.models();
        for (String id : List.of(m.tagger(), m.clipImage(), m.clipText())) {
            // fresh on purpose: the device is known only once a model is loaded, and /stats is rare
            Optional<ModelInfo> info = inference.model(id);
            text.plain("  " + id + ": " + info.map(i -> i.available() ? "installed, " + i.device() : "not installed").orElse("not configured")).newline();
        }
        text.bold("Caches").newline();
        for (Map.Entry<String, CacheStats> e : cached.caches().stats().entrySet()) {
            CacheStats c = e.getValue();
            text.plain(String.format(Locale.ROOT, "  %s: %.0f %% hits (%d hits, %d misses)", e.getKey(),
                    c.requestCount() == 0 ? 0.0 : c.hitRate() * 100, c.hitCount(), c.missCount())).newline();
        }
        services.find(BotMetrics.class).ifPresent(metrics -> {
            text.bold("Commands").newline();
            text.plain(String.format(Locale.ROOT, "  %d handled, %d running, %d queued, %d refused busy", metrics.handled(),
                    metrics.running(), metrics.queueDepth(), metrics.rejectedBusy())).newline();
            text.plain(String.format(Locale.ROOT, "  latency p50 %s, p95 %s", millis(metrics.latencyPercentileMillis(50)),
                    millis(metrics.latencyPercentileMillis(95))));
        });
        reindex.current().ifPresent(job -> text.newline().bold("Reindex").newline().plain("  " + job.describe()));
        ctx.reply(Reply.text(text.build()));
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
