package dev.acgbot.commands.admin;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.ReindexProgress;
import dev.acgbot.gallery.ReindexSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One reindex run: who started it, how far it is, and its summary once finished. */
final class ReindexJob {
    final String startedBy;
    final boolean full;
    final Instant started = Instant.now();
    final CancellationToken token = new CancellationToken();
    volatile ReindexProgress progress;
    volatile ReindexSummary summary;
    volatile String failure;

    ReindexJob(String startedBy, boolean full) {
        this.startedBy = startedBy;
        this.full = full;
    }

    boolean finished() {
        return summary != null || failure != null;
    }

    String describe() {
        if (failure != null) {
            return "Reindex failed: " + failure;
        }
        if (summary != null) {
            return summaryLine(summary);
        }
        return progressLine(progress, token.isCancelled());
    }

    static String progressLine(ReindexProgress p, boolean cancelling) {
        String prefix = cancelling ? "Cancelling after the current batch… " : "";
        if (p == null) {
            return prefix + "Reindex starting…";
        }
        return prefix + switch (p.phase()) {
            case SCANNING -> "Scanning folders… " + p.done() + " files so far";
            case INDEXING -> String.format(Locale.ROOT, "Indexing %d / %d (%d %%) · %.1f img/s · ETA %s", p.done(), p.total(),
                    p.total() == 0 ? 0 : p.done() * 100 / p.total(), p.ratePerSec(), eta(p.eta()));
            case REMOVING -> "Removing deleted files… " + p.done() + " / " + p.total();
            case BUILDING_INDEX -> "Building the search index…";
            case DONE -> "Finishing…";
        };
    }

    static String summaryLine(ReindexSummary s) {
        String head = s.cancelled() ? "Reindex cancelled" : "Reindex done";
        return String.format(Locale.ROOT, "%s: added %d, updated %d, removed %d, unchanged %d, failed %d in %.1f s (engine busy %.0f %%%s)%s",
                head, s.added(), s.updated(), s.removed(), s.unchanged(), s.failed(), s.duration().toMillis() / 1000.0,
                s.busyFraction() * 100, s.peakRssBytes() > 0 ? ", peak memory " + (s.peakRssBytes() >> 20) + " MB" : "",
                s.failed() > 0 ? ". The failed files and reasons are in the log; they are read again once they change." : ".");
    }

    static String eta(Duration eta) {
        if (eta == null || eta.isZero()) {
            return "?";
        }
        long s = eta.toSeconds();
        return s >= 3600 ? s / 3600 + " h " + (s % 3600) / 60 + " min" : s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }
}
