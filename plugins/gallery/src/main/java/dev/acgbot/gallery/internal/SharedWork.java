package dev.acgbot.gallery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One lookup's independent pieces of work shared with the gallery's search helpers, the thread that asked taking part:
 * each piece goes to whichever thread is free next, and the results come back in the pieces' order, so the answer is the
 * one the calling thread alone would give. A helper that has not started when the caller runs out of pieces is not waited
 * for (a pool busy with other lookups never stalls this one); the caller waits only for pieces a helper is working on.
 */
final class SharedWork {
    /** No helpers: the calling thread does every piece, in order. */
    static final SharedWork CALLER = new SharedWork(null, 0);

    private final ExecutorService pool;
    private final int helpers;

    /** @param helpers threads of {@code pool} that may take pieces besides the caller */
    SharedWork(ExecutorService pool, int helpers) {
        this.pool = pool;
        this.helpers = pool == null ? 0 : helpers;
    }

    /** {@code task} applied to every item, in the items' order. A piece that throws is rethrown here, once all are done. */
    <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> task) {
        if (helpers == 0 || items.size() < 2) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(task.apply(item));
            }
            return out;
        }
        Pieces<T, R> pieces = new Pieces<>(items, task);
        for (int h = 0; h < Math.min(helpers, items.size() - 1); h++) {
            try {
                pool.execute(pieces::helpOut);
            } catch (RejectedExecutionException closing) {
                break; // the gallery is closing: the caller does the rest
            }
        }
        pieces.work();
        return pieces.results();
    }

    /** The pieces of one {@link #map} call, taken in turn by index. */
    private static final class Pieces<T, R> {
        private final List<T> items;
        private final Function<? super T, ? extends R> task;
        private final Object[] results;
        private final AtomicInteger next = new AtomicInteger();
        private final Object lock = new Object();
        private int working; // helpers inside work(), guarded by lock
        private boolean closed; // no helper may start any more, guarded by lock
        private Throwable failure; // the first piece that threw, guarded by lock

        Pieces(List<T> items, Function<? super T, ? extends R> task) {
            this.items = items;
            this.task = task;
            this.results = new Object[items.size()];
        }

        /** A helper's turn: pieces until none are left, unless the caller is already done with them all. */
        void helpOut() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                working++;
            }
            try {
                work();
            } finally {
                synchronized (lock) {
                    working--;
                    lock.notifyAll();
                }
            }
        }

        void work() {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(items.get(i));
                } catch (RuntimeException | Error e) {
                    synchronized (lock) {
                        if (failure == null) {
                            failure = e;
                        }
                    }
                }
            }
        }

        /** The caller's last step: waits for the helpers still on a piece, then the results in order. */
        @SuppressWarnings("unchecked")
        List<R> results() {
            boolean interrupted = false;
            synchronized (lock) {
                closed = true;
                while (working > 0) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the pieces are short; the answer is not given up half made
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (failure instanceof RuntimeException r) {
                    throw r;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
            }
            return (List<R>) Arrays.asList(results);
        }
    }
}
