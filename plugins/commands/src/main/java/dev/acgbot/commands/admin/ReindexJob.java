package dev.acgbot.commands.admin;

import dev.acgbot.commands.VisionMessages;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.ReindexProgress;
import dev.acgbot.gallery.ReindexStages;
import dev.acgbot.gallery.ReindexSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One reindex run: who started it, how far it is, and its summary once finished. */
final class ReindexJob {
    final String startedBy;
    final boolean full;
    final Instant started = Instant.now();
    final CancellationToken token = new CancellationToken();
    volatile ReindexProgress progress;
    volatile ReindexSummary summary;
    /** A {@code reindex.failure.*} key once the run failed. */
    volatile String failure;

    ReindexJob(String startedBy, boolean full) {
        this.startedBy = startedBy;
        this.full = full;
    }

    boolean finished() {
        return summary != null || failure != null;
    }

    String describe(Language language) {
        if (failure != null) {
            return m(language, "reindex.failed_with", m(language, failure));
        }
        if (summary != null) {
            return summaryLine(summary, language);
        }
        return progressLine(progress, token.isCancelled(), language);
    }

    static String progressLine(ReindexProgress p, boolean cancelling, Language language) {
        String prefix = cancelling ? m(language, "reindex.cancelling_prefix") : "";
        if (p == null) {
            return prefix + m(language, "reindex.starting");
        }
        return prefix + switch (p.phase()) {
            case SCANNING -> m(language, "reindex.scanning", n(p.done()));
            case INDEXING -> m(language, "reindex.indexing", n(p.done()), n(p.total()), n(p.total() == 0 ? 0 : p.done() * 100 / p.total()),
                    String.format(Locale.ROOT, "%.1f", p.ratePerSec()), eta(p.eta(), language));
            case REMOVING -> m(language, "reindex.removing", n(p.done()), n(p.total()));
            case BUILDING_INDEX -> m(language, "reindex.building");
            case DONE -> m(language, "reindex.finishing");
        };
    }

    static String summaryLine(ReindexSummary s, Language language) {
        String head = m(language, s.cancelled() ? "reindex.cancelled" : "reindex.done");
        return m(language, "reindex.summary", head, n(s.added()), n(s.updated()), n(s.removed()), n(s.unchanged()), n(s.failed()),
                String.format(Locale.ROOT, "%.1f", s.duration().toMillis() / 1000.0), String.format(Locale.ROOT, "%.0f", s.busyFraction() * 100),
                s.peakRssBytes() > 0 ? m(language, "reindex.peak_memory", n(s.peakRssBytes() >> 20)) : "",
                m(language, s.failed() > 0 ? "reindex.failed_files" : "reindex.period"))
                + (s.stages().equals(ReindexStages.NONE) ? "" : "\n" + speedLine(s.stages(), language));
    }

    /** Images per second overall, then per stage (preprocess and inference per model), for the final reply. */
    static String speedLine(ReindexStages st, Language language) {
        return m(language, "reindex.speed", rate(st.imagesPerSecond()), rate(st.decode().imagesPerSecond()),
                perModel(st.preprocess(), language), perModel(st.inference(), language), rate(st.commit().imagesPerSecond()));
    }

    private static String perModel(List<ReindexStages.ModelStage> stages, Language language) {
        return stages.isEmpty() ? "-" : stages.stream().map(s -> s.model() + " " + rate(s.imagesPerSecond()))
                .collect(Collectors.joining(m(language, "reindex.speed_separator")));
    }

    /** About three significant figures: 0.184, 4.21, 38.2, 812. */
    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : perSecond >= 10 ? String.format(Locale.ROOT, "%.1f", perSecond)
                : perSecond >= 1 ? String.format(Locale.ROOT, "%.2f", perSecond)
                : String.format(Locale.ROOT, "%.3f", perSecond);
    }

    static String eta(Duration eta, Language language) {
        if (eta == null || eta.isZero()) {
            return m(language, "reindex.eta_unknown");
        }
        long s = eta.toSeconds();
        return s >= 3600 ? m(language, "reindex.eta_hours", n(s / 3600), n((s % 3600) / 60))
                : s >= 60 ? m(language, "reindex.eta_minutes", n(s / 60), n(s % 60)) : m(language, "reindex.eta_seconds", n(s));
    }

    private static String m(Language language, String key, Object... args) {
        return VisionMessages.format(language, key, args);
    }

    /** Counts as plain digits (MessageFormat would group them: 12,345). */
    private static String n(long value) {
        return Long.toString(value);
    }
}
