package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.api.ModelBusyException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Gathers single requests from many threads into batches: one worker thread takes the first waiting request,
 * then keeps collecting until it has {@code maxBatch} or {@code maxWait} has passed since the first, runs them
 * as one batch and completes each caller's future with its own result. The queue is bounded: a submitter
 * blocks while it is full and gets {@link ModelBusyException} after {@code submitTimeout}.
 *
 * <p>A caller that stops waiting cancels its future. Cancelled requests still queued are skipped; when every
 * request of the batch being run has been cancelled, the runner is told through {@link Abandonment} so it can
 * stop the run (ONNX Runtime's terminate flag) instead of computing results nobody will read.
 *
 * @param <I> one request (a preprocessed image tensor, a tokenized text)
 * @param <O> its result
 */
public final class MicroBatcher<I, O> implements AutoCloseable {
    private final String name;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final Duration submitTimeout;
    private final Runner<I, O> runner;
    private final BlockingQueue<Request<I, O>> queue;
    private final Thread worker;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong largestBatch = new AtomicLong();
    private volatile boolean closed;

    private record Request<I, O>(I item, CompletableFuture<O> result) {
    }

    /** Runs one batch; may register on {@code abandonment} to stop early when nobody waits any more. */
    @FunctionalInterface
    public interface Runner<I, O> {
        List<O> run(List<I> batch, Abandonment abandonment);
    }

    /** Tells a running batch that every caller waiting for it has gone. */
    public static final class Abandonment {
        private final AtomicInteger waiting;
        private final List<Runnable> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean abandoned;

        Abandonment(int callers) {
            this.waiting = new AtomicInteger(callers);
        }

        /** Runs {@code action} once every caller has gone (at once if they already have). */
        public void whenAbandoned(Runnable action) {
            actions.add(action);
            if (abandoned) {
                action.run();
            }
        }

        void callerGone() {
            if (waiting.decrementAndGet() == 0) {
                abandoned = true;
                actions.forEach(Runnable::run);
            }
        }
    }

    /** Counters since start: how well requests were gathered. */
    public record Stats(long requests, long batches, long largestBatch) {
    }

    public MicroBatcher(String name, int maxBatch, Duration maxWait, int capacity, Duration submitTimeout,
                        Function<List<I>, List<O>> runner) {
        this(name, maxBatch, maxWait, capacity, submitTimeout, (batch, abandonment) -> runner.apply(batch));
    }

    public MicroBatcher(String name, int maxBatch, Duration maxWait, int capacity, Duration submitTimeout,
                        Runner<I, O> runner) {
        if (maxBatch < 1 || capacity < 1) {
            throw new IllegalArgumentException("maxBatch and capacity must be positive");
        }
        this.name = name;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        this.submitTimeout = submitTimeout;
        this.runner = runner;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofPlatform().name("batch-" + name).daemon().start(this::loop);
    }

    /** Queues one request; blocks while the queue is full, up to the submit timeout. */
    public CompletableFuture<O> submit(I item) {
        if (closed) {
            throw new IllegalStateException("inference for " + name + " is closed");
        }
        Request<I, O> r = new Request<>(item, new CompletableFuture<>());
        try {
            if (!queue.offer(r, submitTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ModelBusyException(name, "model " + name + " is busy: " + queue.size()
                        + " requests waiting for " + submitTimeout.toMillis() + " ms; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing for " + name, e);
        }
        requests.incrementAndGet();
        return r.result();
    }

    public Stats stats() {
        return new Stats(requests.get(), batches.get(), largestBatch.get());
    }

    private void loop() {
        List<Request<I, O>> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatch) {
                    if (queue.drainTo(batch, maxBatch - batch.size()) > 0) {
                        continue;
                    }
                    long left = deadline - System.nanoTime();
                    Request<I, O> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                continue;
            }
            run(batch);
            batch.clear();
        }
        failPending(batch);
        List<Request<I, O>> rest = new ArrayList<>();
        queue.drainTo(rest);
        failPending(rest);
    }

    private void run(List<Request<I, O>> batch) {
        batch.removeIf(r -> r.result().isDone());
        if (batch.isEmpty()) {
            return;
        }
        batches.incrementAndGet();
        largestBatch.accumulateAndGet(batch.size(), Math::max);
        Abandonment abandonment = new Abandonment(batch.size());
        for (Request<I, O> r : batch) {
            r.result().whenComplete((v, e) -> {
                if (r.result().isCancelled()) {
                    abandonment.callerGone();
                }
            });
        }
        try {
            List<O> out = runner.run(batch.stream().map(Request::item).toList(), abandonment);
            if (out.size() != batch.size()) {
                throw new IllegalStateException("model " + name + " returned " + out.size() + " results for "
                        + batch.size() + " inputs");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(out.get(i));
            }
        } catch (RuntimeException | Error e) {
            for (Request<I, O> r : batch) {
                r.result().completeExceptionally(e);
            }
        }
    }

    private void failPending(List<Request<I, O>> pending) {
        for (Request<I, O> r : pending) {
            r.result().completeExceptionally(new IllegalStateException("inference for " + name + " was closed"));
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
