package dev.acgbot.commands.admin;

import dev.acgbot.commands.VisionMessages;
import dev.acgbot.api.i18n.Language;
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
        return BotCommand.of(CommandSpec.builder("reindex", "")
                .choice("action", "", false, "full", "status", "cancel")
                .localize(VisionMessages.BUNDLE)
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
        Language language = ctx.language();
        ReindexJob job;
        synchronized (this) {
            job = current;
            boolean running = job != null && !job.finished();
            switch (action) {
                case "status" -> {
                    ctx.reply(job == null ? m(language, "reindex.none_yet")
                            : running ? job.describe(language) : m(language, "reindex.last_run", job.describe(language)));
                    return;
                }
                case "cancel" -> {
                    if (running) {
                        job.token.cancel();
                        ctx.reply(m(language, "reindex.cancelling"));
                    } else {
                        ctx.reply(m(language, "reindex.not_running"));
                    }
                    return;
                }
                default -> {
                    if (running) {
                        ctx.reply(m(language, "reindex.already_running", job.startedBy, job.describe(language)));
                        return;
                    }
                }
            }
            job = new ReindexJob(ctx.request().user().displayName(), action.equals("full"));
            current = job;
        }
        run(ctx, job);
    }

    private static String m(Language language, String key, Object... args) {
        return VisionMessages.format(language, key, args);
    }

    private void run(CommandContext ctx, ReindexJob job) {
        Language language = ctx.language();
        if (gallery.settings().folders().isEmpty()) {
            job.failure = "reindex.failure.no_folders";
            ctx.reply(Reply.error(m(language, "reindex.no_folders")));
            return;
        }
        // without CLIP the image-embedding model (models.image_embedding), when installed, still gives vectors
        if (models.similarModel(availability::isAvailable).isEmpty()) {
            ctx.reply(m(language, "reindex.no_clip", models.clipImage()));
        }
        ProgressMessage message = ctx.responder().progress(m(language, job.full ? "reindex.full_starting" : "reindex.starting"));
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
                    message.update(ReindexJob.progressLine(p, job.token.isCancelled(), language));
                }
            }, job.token);
            job.summary = summary;
            LOG.info("reindex by {} finished: {}", job.startedBy, summary);
            message.update(ReindexJob.summaryLine(summary, language));
            ctx.reply(ReindexJob.summaryLine(summary, language));
        } catch (GalleryOutOfMemoryException e) {
            // the operator's to fix, not a bug: no stack trace, and the admin sees the advice
            job.failure = "reindex.failure.out_of_memory";
            LOG.error("reindex by {} stopped: {}", job.startedBy, e.getMessage());
            message.update(m(language, "reindex.out_of_memory_progress"));
            // the advice names heap sizes and settings: the operator's English, as the log has it
            ctx.reply(Reply.error(m(language, "reindex.out_of_memory", e.getMessage())));
        } catch (RuntimeException e) {
            job.failure = "reindex.failure.internal";
            LOG.error("reindex by {} failed", job.startedBy, e);
            message.update(m(language, "reindex.failed_progress"));
            ctx.reply(Reply.error(m(language, "reindex.failed")));
        }
    }
}
