package dev.acgbot.bench.memory;

import java.util.Locale;

/**
 * Reindex throughput of the default budget against the settings before issue 17, summed over the slices that ran
 * interleaved (before, default / default, before, …) so the shared machine's load falls on both alike. The goal:
 * "within 10 % of today's", read as at least 90 % of the before images per second.
 *
 * @param beforeImages  images the before runs indexed
 * @param beforeSeconds their reindex seconds
 * @param images        images the default-budget runs indexed
 * @param seconds       their reindex seconds
 */
record Throughput(int beforeImages, double beforeSeconds, int images, double seconds) {
    static final double GOAL = 0.90;

    double beforePerSecond() {
        return beforeImages / beforeSeconds;
    }

    double perSecond() {
        return images / seconds;
    }

    /** Default-budget images per second over the before ones (1.0 = the same speed). */
    double ratio() {
        return perSecond() / beforePerSecond();
    }

    String verdict() {
        double r = ratio();
        return r >= GOAL ? "met" : String.format(Locale.ROOT, "missed by %.0f %%", (GOAL - r) * 100);
    }
}
