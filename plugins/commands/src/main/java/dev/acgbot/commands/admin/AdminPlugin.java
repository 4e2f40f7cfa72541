package dev.acgbot.commands.admin;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.BotMetrics;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.plugin.PluginContext;
import dev.acgbot.api.plugin.Services;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.commands.VisionServices;
import dev.acgbot.commands.VisionSettings;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryStats;
import dev.acgbot.gallery.ReindexProgress;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.models.api.ModelInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Admin commands: /reindex (one at a time, progress edited in place) and /stats. */
public final class AdminPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(AdminPlugin.class);
    /** A reindex of a large gallery takes hours; it runs on its command's worker, so that worker waits as long. */
    private static final Duration REINDEX_TIMEOUT = Duration.ofHours(24);

    private VisionServices vision;
    private Services services;
    private Duration progressInterval;
    private ReindexJob current;

    @Override
    public String id() {
        return "admin";
    }

    @Override
    public String description() {
        return "/reindex and /stats for admins";
    }

    @Override
    public void start(PluginContext context) {
        progressInterval = context.config().duration("progress_interval", Duration.ofSeconds(3));
        services = context.services();
        vision = VisionServices.shared(context);
        services.find(io.micrometer.core.instrument.MeterRegistry.class).ifPresent(this::bindReindexMeters);
    }

    /** Reindex progress for /metrics: files done and to do in the current phase, and whether one runs. */
    private void bindReindexMeters(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("acgbot.reindex.running", this,
                p -> p.current != null && !p.current.finished() ? 1 : 0).register(registry);
        io.micrometer.core.instrument.Gauge.builder("acgbot.reindex.done", this,
                p -> p.current != null && p.current.progress != null ? p.current.progress.done() : 0).register(registry);
        io.micrometer.core.instrument.Gauge.builder("acgbot.reindex.total", this,
                p -> p.current != null && p.current.progress != null ? p.current.progress.total() : 0).register(registry);
    }

    @Override
    public List<BotCommand> commands() {
        return List.of(
                BotCommand.of(CommandSpec.builder("reindex", "Update the gallery index (admins)")
                        .choice("action", "full re-reads every file; status; cancel", false, "full", "status", "cancel")
                        .adminOnly()
                        .example("/reindex")
                        .example("/reindex status")
                        .build(), this::reindex).withTimeout(REINDEX_TIMEOUT),
                BotCommand.of(CommandSpec.builder("stats", "Gallery, models, caches and latency (admins)")
                        .adminOnly()
                        .example("/stats")
                        .build(), this::stats));
    }

    private void reindex(CommandContext ctx) {
        String action = ctx.request().arguments().string("action").orElse("start");
        ReindexJob job;
        synchronized (this) {
            job = current;
            boolean running = job != null && !job.finished();
            switch (action) {
                case "status" -> {
                    ctx.reply(job == null ? "No reindex has run since the bot started." : (running ? "" : "Last run: ") + job.describe());
                    return;
                }
                case "cancel" -> {
                    if (running) {
                        job.token.cancel();
                        ctx.reply("Cancelling after the current batch; everything indexed so far is kept.");
                    } else {
                        ctx.reply("No reindex is running.");
                    }
                    return;
                }
                default -> {
                    if (running) {
                        ctx.reply("A reindex started by " + job.startedBy + " is already running: " + job.describe());
                        return;
                    }
                }
            }
            job = new ReindexJob(ctx.request().user().displayName(), action.equals("full"));
            current = job;
        }
        startJob(ctx, job);
    }

    private void startJob(CommandContext ctx, ReindexJob job) {
        VisionSettings settings = vision.settings();
        List<String> notes = new ArrayList<>();
        if (settings.galleryFolders().isEmpty()) {
            job.failure = "no gallery folders are configured";
            ctx.reply(Reply.error("No gallery folders are configured. Add them under gallery.folders in the configuration, then run /reindex again."));
            return;
        }
        if (!vision.isAvailable(settings.clipImageModel())) {
            notes.add("CLIP model " + settings.clipImageModel() + " is not installed: only duplicates will be indexed (./acgbot models fetch "
                    + settings.clipImageModel() + ").");
        }
        for (String note : notes) {
            ctx.reply(note);
        }
        ProgressMessage message = ctx.responder().progress((job.full ? "Full reindex" : "Reindex") + " starting…");
        long[] lastUpdate = {0};
        ReindexProgress.Phase[] lastPhase = {null};
        try {
            // runs on the command's worker (its timeout is long) so that the command ends when the job does
            Gallery gallery = vision.gallery();
            ReindexSummary summary = gallery.reindex(job.full ? ReindexRequest.full() : ReindexRequest.incremental(), p -> {
                job.progress = p;
                long now = System.nanoTime();
                if (p.phase() != lastPhase[0] || now - lastUpdate[0] >= progressInterval.toNanos()) {
                    lastPhase[0] = p.phase();
                    lastUpdate[0] = now;
                    message.update(ReindexJob.progressLine(p, job.token.isCancelled()));
                }
            }, job.token);
            job.summary = summary;
            LOG.info("reindex by {} finished: {}", job.startedBy, summary);
            message.update(ReindexJob.summaryLine(summary));
            ctx.reply(ReindexJob.summaryLine(summary));
        } catch (RuntimeException e) {
            job.failure = "an internal error (see the log)";
            LOG.error("reindex by {} failed", job.startedBy, e);
            message.update("Reindex failed.");
            ctx.reply(Reply.error("The reindex failed. The operator can find the details in the log."));
        }
    }

    private void stats(CommandContext ctx) {
        RichText.Builder text = RichText.builder().bold("Gallery").newline();
        GalleryStats g = vision.gallery().stats();
        text.plain(g.images() + " images in " + g.files() + " files, store " + (g.storeBytes() >> 20) + " MB, generation " + g.generation()).newline();
        g.embeddings().forEach((model, count) -> text.plain("  " + model + ": " + count + " vectors, "
                + g.indexKinds().getOrDefault(model, "exact") + " index").newline());
        text.bold("Models").newline();
        VisionSettings s = vision.settings();
        for (String id : List.of(s.taggerModel(), s.clipImageModel(), s.clipTextModel())) {
            Optional<ModelInfo> info = vision.inference().model(id);
            text.plain("  " + id + ": " + info.map(i -> i.available() ? "installed, " + i.device() : "not installed").orElse("not configured")).newline();
        }
        text.bold("Caches").newline();
        for (Map.Entry<String, CacheStats> e : vision.caches().stats().entrySet()) {
            CacheStats c = e.getValue();
            text.plain(String.format(Locale.ROOT, "  %s: %.0f %% hits (%d hits, %d misses)", e.getKey(),
                    c.requestCount() == 0 ? 0.0 : c.hitRate() * 100, c.hitCount(), c.missCount())).newline();
        }
        services.find(BotMetrics.class).ifPresent(m -> {
            text.bold("Commands").newline();
            text.plain(String.format(Locale.ROOT, "  %d handled, %d running, %d queued, %d refused busy", m.handled(), m.running(),
                    m.queueDepth(), m.rejectedBusy())).newline();
            text.plain(String.format(Locale.ROOT, "  latency p50 %s, p95 %s", millis(m.latencyPercentileMillis(50)),
                    millis(m.latencyPercentileMillis(95))));
        });
        ReindexJob job = current;
        if (job != null) {
            text.newline().bold("Reindex").newline().plain("  " + job.describe());
        }
        ctx.reply(Reply.text(text.build()));
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    @Override
    public void stop() {
        ReindexJob job = current;
        if (job != null) {
            job.token.cancel();
        }
    }
}
