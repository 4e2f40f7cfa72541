package dev.acgbot.gallery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /**
     * {@code task} applied to every item, in the items' order. The first piece, in that order, that threw is rethrown here,
     * once all are done.
     */
    <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> task) {
        if (helpers == 0 || items.size() < 2) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(task.apply(item));
            }
            return out;
        }
        return shared(new Pieces<T, R>(items, task, r -> false)).results();
    }

    /**
     * The result of the first item, in the items' order, for which {@code task} gives one: what trying them one after another
     * until one does gives. With helpers, items are tried at once; an item after one that gave a result is not started, and
     * one before it is always finished, so the answer does not depend on which thread was quicker. A piece that threw before
     * the result is rethrown; one after it is not (one thread alone would not have run it).
     */
    <T, R> Optional<R> first(List<T> items, Function<? super T, Optional<R>> task) {
        if (helpers == 0 || items.size() < 2) {
            for (T item : items) {
                Optional<R> r = task.apply(item);
                if (r.isPresent()) {
                    return r;
                }
            }
            return Optional.empty();
        }
        for (Optional<R> r : shared(new Pieces<T, Optional<R>>(items, task, Optional::isPresent)).results()) {
            if (r != null && r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** {@code pieces} offered to the helpers and worked on the calling thread until none is left. */
    private <T, R> Pieces<T, R> shared(Pieces<T, R> pieces) {
        for (int h = 0; h < Math.min(helpers, pieces.items.size() - 1); h++) {
            try {
                pool.execute(pieces::helpOut);
            } catch (RejectedExecutionException closing) {
                break; // the gallery is closing: the caller does the rest
            }
        }
        pieces.work();
        return pieces;
    }

    /**
     * The pieces of one {@link #map} or {@link #first} call, taken in turn by index; none is started after the first whose
     * result {@code isFinal} accepts (its index kept in {@code finalAt}); their results stay null.
     */
    private static final class Pieces<T, R> {
        private final List<T> items;
        private final Function<? super T, ? extends R> task;
        private final Predicate<? super R> isFinal;
        private final Object[] results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finalAt = new AtomicInteger(Integer.MAX_VALUE);
        private final Object lock = new Object();
        private int working; // helpers inside work(), guarded by lock
        private boolean closed; // no helper may start any more, guarded by lock
        private Throwable failure; // the first piece, in the items' order, that threw, guarded by lock
        private int failureAt = Integer.MAX_VALUE; // its index, guarded by lock

        Pieces(List<T> items, Function<? super T, ? extends R> task, Predicate<? super R> isFinal) {
            this.items = items;
            this.task = task;
            this.isFinal = isFinal;
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
            for (int i = next.getAndIncrement(); i < results.length && i < finalAt.get(); i = next.getAndIncrement()) {
                try {
                    R r = task.apply(items.get(i));
                    results[i] = r;
                    if (isFinal.test(r)) {
                        finalAt.accumulateAndGet(i, Math::min);
                    }
                } catch (RuntimeException | Error e) {
                    synchronized (lock) {
                        if (i < failureAt) {
                            failure = e;
                            failureAt = i;
                        }
                    }
                }
            }
        }

        /**
         * The caller's last step: waits for the helpers still on a piece, then the results in order. A piece that threw is
         * rethrown unless it came after a final one (which one thread alone would not have started).
         */
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
                if (failureAt < finalAt.get() && failure instanceof RuntimeException r) {
                    throw r;
                }
                if (failureAt < finalAt.get() && failure instanceof Error e) {
                    throw e;
                }
            }
            return (List<R>) Arrays.asList(results);
        }
    }
}
