package dev.acgbot.gallery.internal;

/**
 * When two images count as duplicates, given their pHash and dHash distances: one hash within the radius
 * (which is what the Hamming index can find) and the two together within twice the radius. The hashes fail
 * differently (a crop moves pHash's low frequencies more, a gradient or flat area upsets dHash), so the sum
 * tolerates one hash drifting while the other vouches. The rule and radius were chosen with
 * {@code DuplicateEval} (docs/benchmarks.md).
 */
final class DuplicateRule {
    /** Default radius for /similar. */
    static final int DEFAULT_MAX_HAMMING = 8;

    private DuplicateRule() {
    }

    static boolean isDuplicate(int pHashDistance, int dHashDistance, int maxHamming) {
        return Math.min(pHashDistance, dHashDistance) <= maxHamming && pHashDistance + dHashDistance <= 2 * maxHamming;
    }
}
