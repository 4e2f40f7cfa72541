package dev.acgbot.commands.admin;

import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.commands.ModelAvailability;
import dev.acgbot.commands.VisionGallery;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.commands.settings.VisionSettings;
import dev.acgbot.gallery.Gallery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.acgbot.gallery.GalleryOutOfMemoryException;
import dev.acgbot.gallery.ReindexProgress;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/** /reindex: one run at a time, progress edited in place; {@code status} and {@code cancel}. */
public final class ReindexCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);
    /** A reindex of a large gallery takes hours; it runs on its command's worker, so that worker waits as long. */
    private static final Duration REINDEX_TIMEOUT = Duration.ofHours(24);

    private final VisionSettings.Reindex settings;
    private final ModelsSettings models;
    private final ModelAvailability availability;
    private final VisionGallery gallery;
    private ReindexJob current;

    public ReindexCommand(VisionSettings.Reindex settings, ModelsSettings models, ModelAvailability availability, VisionGallery gallery) {
        this.settings = settings;
        this.models = models;
        this.availability = availability;
        this.gallery = gallery;
    }

    public BotCommand command() {
        return BotCommand.of(CommandSpec.builder("reindex", "Update the gallery index (admins)")
                .choice("action", "full re-reads every file; status; cancel", false, "full", "status", "cancel")
                .adminOnly()
                .example("/reindex")
                .example("/reindex status")
                .build(), this::reindex).withTimeout(REINDEX_TIMEOUT);
    }

    /** The last run since start, for /stats. */
    synchronized Optional<ReindexJob> current() {
        return Optional.ofNullable(current);
    }

    /** Asks a running reindex to stop after its batch. */
    /** Reindex progress for /metrics: files done and to do in the current phase, and whether one runs. */
    public void bindMeters(MeterRegistry registry) {
        Gauge.builder("acgbot.reindex.running", this, c -> c.currentJob().filter(j -> !j.finished()).isPresent() ? 1 : 0)
                .description("1 while a reindex runs").register(registry);
        Gauge.builder("acgbot.reindex.done", this, c -> c.currentJob().map(j -> j.progress).map(p -> (double) p.done()).orElse(0.0))
                .description("files done in the current reindex phase").register(registry);
        Gauge.builder("acgbot.reindex.total", this, c -> c.currentJob().map(j -> j.progress).map(p -> (double) p.total()).orElse(0.0))
                .description("files in the current reindex phase").register(registry);
    }

    private synchronized Optional<ReindexJob> currentJob() {
        return Optional.ofNullable(current);
    }

    public synchronized void cancel() {
        if (current != null) {
            current.token.cancel();
        }
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
        run(ctx, job);
    }

    private void run(CommandContext ctx, ReindexJob job) {
        if (gallery.settings().folders().isEmpty()) {
            job.failure = "no gallery folders are configured";
            ctx.reply(Reply.error("No gallery folders are configured. Add them under gallery.folders in the configuration, then run /reindex again."));
            return;
        }
        if (!availability.isAvailable(models.clipImage())) {
            ctx.reply("CLIP model " + models.clipImage() + " is not installed: only duplicates will be indexed (./acgbot models fetch "
                    + models.clipImage() + ").");
        }
        ProgressMessage message = ctx.responder().progress((job.full ? "Full reindex" : "Reindex") + " starting…");
        long[] lastUpdate = {0};
        ReindexProgress.Phase[] lastPhase = {null};
        try {
            // runs on the command's worker (its timeout is long) so that the command ends when the job does
            Gallery g = gallery.get();
            ReindexSummary summary = g.reindex(job.full ? ReindexRequest.full() : ReindexRequest.incremental(), p -> {
                job.progress = p;
                long now = System.nanoTime();
                if (p.phase() != lastPhase[0] || now - lastUpdate[0] >= settings.progressInterval().toNanos()) {
                    lastPhase[0] = p.phase();
                    lastUpdate[0] = now;
                    message.update(ReindexJob.progressLine(p, job.token.isCancelled()));
                }
            }, job.token);
            job.summary = summary;
            LOG.info("reindex by {} finished: {}", job.startedBy, summary);
            message.update(ReindexJob.summaryLine(summary));
            ctx.reply(ReindexJob.summaryLine(summary));
        } catch (GalleryOutOfMemoryException e) {
            // the operator's to fix, not a bug: no stack trace, and the admin sees the advice
            job.failure = "out of memory";
            LOG.error("reindex by {} stopped: {}", job.startedBy, e.getMessage());
            message.update("Reindex stopped: out of memory.");
            ctx.reply(Reply.error("The reindex stopped: it " + e.getMessage()));
        } catch (RuntimeException e) {
            job.failure = "an internal error (see the log)";
            LOG.error("reindex by {} failed", job.startedBy, e);
            message.update("Reindex failed.");
            ctx.reply(Reply.error("The reindex failed. The operator can find the details in the log."));
        }
    }
}
