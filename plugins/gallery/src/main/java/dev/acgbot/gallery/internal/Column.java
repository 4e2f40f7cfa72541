package dev.acgbot.gallery.internal;

import java.util.Arrays;

/**
 * Append-only object column in chunks: one writer appends, readers keep a {@link View} that never sees later
 * rows (the same scheme as {@link dev.acgbot.gallery.search.VectorMatrix}).
 */
final class Column<T> {
    private static final int CHUNK = 4096;
    private Object[][] chunks = new Object[0][];
    private int size;

    int append(T value) {
        int c = size / CHUNK;
        if (c == chunks.length) {
            Object[][] grown = Arrays.copyOf(chunks, c + 1);
            grown[c] = new Object[CHUNK];
            chunks = grown;
        }
        chunks[c][size % CHUNK] = value;
        return size++;
    }

    int size() {
        return size;
    }

    /** Row {@code i} as the writer sees it. */
    @SuppressWarnings("unchecked")
    T get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return (T) chunks[i / CHUNK][i % CHUNK];
    }

    View<T> view() {
        return new View<>(chunks, size);
    }

    record View<T>(Object[][] chunks, int size) {
        @SuppressWarnings("unchecked")
        T get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            return (T) chunks[i / CHUNK][i % CHUNK];
        }
    }
}
