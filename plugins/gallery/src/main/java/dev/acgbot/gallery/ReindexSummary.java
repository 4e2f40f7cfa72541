package dev.acgbot.gallery;

import java.time.Duration;
import java.util.Locale;

/**
 * Outcome of one reindex, counted in files.
 *
 * @param added        files whose content was new to the gallery
 * @param updated      files re-read whose content was known (new path, changed model, changed file)
 * @param removed      paths that no longer exist
 * @param unchanged    files skipped by size and mtime
 * @param failed       unreadable or undecodable files (logged, retried next time)
 * @param busyFraction share of the indexing phase the inference engine was working
 * @param cancelled    the run was cancelled; the counts cover what was committed
 */
public record ReindexSummary(int added, int updated, int removed, int unchanged, int failed, Duration duration,
                             double busyFraction, boolean cancelled) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%sadded %d, updated %d, removed %d, unchanged %d, failed %d in %.1f s (engine busy %.0f %%)",
                cancelled ? "cancelled: " : "", added, updated, removed, unchanged, failed,
                duration.toMillis() / 1000.0, busyFraction * 100);
    }
}
