package dev.acgbot.gallery;

import java.time.Duration;

/**
 * @param done       files handled in this phase
 * @param total      files this phase will handle (0 while still scanning)
 * @param ratePerSec files per second so far in this phase
 * @param eta        estimated time left in this phase, zero when unknown
 */
public record ReindexProgress(long done, long total, double ratePerSec, Duration eta, Phase phase) {
    public enum Phase { SCANNING, INDEXING, REMOVING, BUILDING_INDEX, DONE }
}
