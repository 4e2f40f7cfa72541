package dev.acgbot.gallery.internal;

import java.util.Arrays;

/** Deleted rows. The writer sets bits; {@link #snapshot()} hands readers a copy that never changes. */
final class Tombstones {
    private long[] bits = new long[0];
    private int count;

    void delete(int row) {
        int w = row >>> 6;
        if (w >= bits.length) {
            bits = Arrays.copyOf(bits, Math.max(w + 1, bits.length * 2));
        }
        if ((bits[w] & (1L << row)) == 0) {
            bits[w] |= 1L << row;
            count++;
        }
    }

    int count() {
        return count;
    }

    Snapshot snapshot() {
        return new Snapshot(bits.clone(), count);
    }

    record Snapshot(long[] bits, int count) {
        static final Snapshot NONE = new Snapshot(new long[0], 0);

        boolean deleted(int row) {
            int w = row >>> 6;
            return w < bits.length && (bits[w] & (1L << row)) != 0;
        }
    }
}
