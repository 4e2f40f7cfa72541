package dev.acgbot.gallery.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * The live row of each sha in a {@link Column} of shas: an open-addressing table of row numbers (linear probing), whose
 * keys are the column's own strings, so an entry costs an int slot and no object. A {@code HashMap<String, Integer>}
 * cost 56 bytes an entry (node, boxed row, table slot): at 1M images its two instances (hash rows, vector rows) held
 * 113 MB of a 1.1 GB heap (class histogram, docs/benchmarks.md "Heap of a 1M gallery"); this table holds 8-16 bytes
 * an entry. Writer side only, like the map it replaces: readers see the column's immutable views.
 */
final class RowIndex {
    private static final int EMPTY = -1;
    private final Column<String> keys;
    private int[] slots = empty(16);
    private int size;

    /** @param keys the column every row of this index points into: {@code keys.get(row)} is the row's sha */
    RowIndex(Column<String> keys) {
        this.keys = keys;
    }

    /** The live row of {@code sha}, or -1. */
    int row(String sha) {
        int mask = slots.length - 1;
        for (int i = home(sha, mask); ; i = (i + 1) & mask) {
            int row = slots[i];
            if (row == EMPTY) {
                return -1;
            }
            if (keys.get(row).equals(sha)) {
                return row;
            }
        }
    }

    boolean contains(String sha) {
        return row(sha) >= 0;
    }

    /** Makes {@code row} the live row of its sha ({@code keys.get(row)}), replacing the one it had. */
    void put(int row) {
        String sha = keys.get(row);
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = home(sha, mask);
        for (; slots[i] != EMPTY; i = (i + 1) & mask) {
            if (keys.get(slots[i]).equals(sha)) {
                slots[i] = row;
                return;
            }
        }
        slots[i] = row;
        size++;
    }

    /** Forgets {@code sha}; returns the row it had, or -1. */
    int remove(String sha) {
        int mask = slots.length - 1;
        int i = home(sha, mask);
        for (; slots[i] != EMPTY; i = (i + 1) & mask) {
            int row = slots[i];
            if (keys.get(row).equals(sha)) {
                closeGap(i, mask);
                size--;
                return row;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    /** Every live (sha, row), in no particular order. */
    void forEach(ObjIntConsumer<String> action) {
        for (int row : slots) {
            if (row != EMPTY) {
                action.accept(keys.get(row), row);
            }
        }
    }

    /** A copy as a map: for tests and comparisons, not for a large gallery. */
    Map<String, Integer> toMap() {
        Map<String, Integer> out = new HashMap<>();
        forEach(out::put);
        return out;
    }

    /** Backward-shift deletion: moves later entries of the probe run into the gap, so lookups need no tombstones. */
    private void closeGap(int gap, int mask) {
        slots[gap] = EMPTY;
        for (int j = (gap + 1) & mask; slots[j] != EMPTY; j = (j + 1) & mask) {
            int home = home(keys.get(slots[j]), mask);
            // the entry at j may move to the gap when its home is not within (gap, j], cyclically
            boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!stays) {
                slots[gap] = slots[j];
                slots[j] = EMPTY;
                gap = j;
            }
        }
    }

    private void grow() {
        int[] old = slots;
        slots = empty(old.length * 2);
        int mask = slots.length - 1;
        for (int row : old) {
            if (row != EMPTY) {
                int i = home(keys.get(row), mask);
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = row;
            }
        }
    }

    /** String's hash, spread: sha hex strings' hashes are well mixed already, test names ("a", "b") are not. */
    private static int home(String sha, int mask) {
        int h = sha.hashCode() * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }

    private static int[] empty(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, EMPTY);
        return a;
    }
}
