package dev.acgbot.gallery;

import java.time.Duration;
import java.util.Locale;

/**
 * Outcome of one reindex, counted in files.
 *
 * @param added         files whose content was new to the gallery
 * @param updated       files re-read whose content was known (new path, changed model, changed file)
 * @param removed       paths that no longer exist
 * @param unchanged     files skipped by size and mtime
 * @param failed        unreadable or undecodable files found by this run (logged; not read again until they change)
 * @param knownFailures files that failed before and have not changed since, so were not read (a full
 *                      reindex reads them again)
 * @param stages        time and images per second of each stage of the indexing phase, and how busy the
 *                      inference engine was
 * @param cancelled     the run was cancelled; the counts cover what was committed
 * @param peakRssBytes  the process's peak resident memory so far (Linux VmHWM), 0 where unknown
 */
public record ReindexSummary(int added, int updated, int removed, int unchanged, int failed, int knownFailures,
                             Duration duration, ReindexStages stages, boolean cancelled, long peakRssBytes) {

    /** A summary without failure memory, stages or RSS (tests and callers that do not measure). */
    public ReindexSummary(int added, int updated, int removed, int unchanged, int failed, Duration duration,
                          boolean cancelled) {
        this(added, updated, removed, unchanged, failed, 0, duration, ReindexStages.NONE, cancelled, 0);
    }

    /** Share of the indexing phase during which the inference engine was running a batch, 0 to 1. */
    public double busyFraction() {
        return stages.engineBusy();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%sadded %d, updated %d, removed %d, unchanged %d, failed %d%s in %.1f s (engine busy %.0f %%)%s",
                cancelled ? "cancelled: " : "", added, updated, removed, unchanged, failed,
                knownFailures > 0 ? " (+" + knownFailures + " unchanged since they failed)" : "",
                duration.toMillis() / 1000.0, busyFraction() * 100,
                peakRssBytes > 0 ? String.format(Locale.ROOT, ", peak RSS %d MB", peakRssBytes / (1024 * 1024)) : "");
    }
}
