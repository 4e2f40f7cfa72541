package dev.acgbot.core.exec;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool with a bounded queue. When both are full a submission is refused at once, so users get a
 * "busy" answer instead of waiting in an unbounded line. A queued task may wait at most the queue wait: past it
 * it is taken out of the queue and its expiry callback runs (4 stuck commands made 16 later /pings wait 32 s
 * before, issue 11). Each task has a deadline from the moment it starts; past it the task's thread is
 * interrupted and the timeout callback runs.
 */
public final class CommandExecutor implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final AtomicInteger running = new AtomicInteger();
    private final Duration maxQueueWait;

    /**
     * The default queue wait. A full queue of 16 quick commands drains in well under a second on 4 workers, so a
     * command still waiting after this long waits behind stuck ones: "busy" at once beats silence.
     */
    public static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(10);

    public CommandExecutor(int workers, int queueCapacity) {
        this(workers, queueCapacity, DEFAULT_QUEUE_WAIT);
    }

    /** @param maxQueueWait how long a command may wait for a worker before it is refused as busy */
    public CommandExecutor(int workers, int queueCapacity, Duration maxQueueWait) {
        this.maxQueueWait = maxQueueWait;
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, queue,
                daemonThreads("acgbot-command-"), new ThreadPoolExecutor.AbortPolicy());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("acgbot-watchdog-"));
        // two deadlines per command, nearly all cancelled early: drop them at once rather than when they would fire
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
    }

    /** Runs the task on the pool; a task that waits too long in the queue is dropped silently. */
    public boolean submit(Runnable task, Duration timeout, Runnable onTimeout) {
        return submit(task, timeout, onTimeout, () -> { });
    }

    /**
     * Runs the task on the pool.
     *
     * @param timeout   how long the task may run once started
     * @param onTimeout runs (on the watchdog thread) when the deadline passes; the task is then interrupted
     * @param onExpired runs (on the watchdog thread) instead of the task when it waited longer than the queue wait
     * @return false when the pool and its queue are full and the task was not accepted
     */
    public boolean submit(Runnable task, Duration timeout, Runnable onTimeout, Runnable onExpired) {
        Queued queued = new Queued(() -> runWithDeadline(task, timeout, onTimeout));
        try {
            pool.execute(queued);
        } catch (RejectedExecutionException e) {
            return false;
        }
        queued.expiry = watchdog.schedule(() -> {
            if (queued.state.compareAndSet(Queued.WAITING, Queued.EXPIRED)) {
                pool.remove(queued);
                onExpired.run();
            }
        }, maxQueueWait.toNanos(), TimeUnit.NANOSECONDS);
        return true;
    }

    /** A task in the queue: exactly one of starting and expiring wins. */
    private static final class Queued implements Runnable {
        static final int WAITING = 0;
        static final int STARTED = 1;
        static final int EXPIRED = 2;
        final AtomicInteger state = new AtomicInteger(WAITING);
        final Runnable body;
        volatile ScheduledFuture<?> expiry;

        Queued(Runnable body) {
            this.body = body;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(WAITING, STARTED)) {
                return;
            }
            ScheduledFuture<?> e = expiry;
            if (e != null) {
                e.cancel(false);
            }
            body.run();
        }
    }

    private void runWithDeadline(Runnable task, Duration timeout, Runnable onTimeout) {
        Thread worker = Thread.currentThread();
        running.incrementAndGet();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            onTimeout.run();
            worker.interrupt();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            task.run();
        } finally {
            deadline.cancel(false);
            running.decrementAndGet();
            Thread.interrupted(); // clear a late interrupt so it does not leak into the next task
        }
    }

    public Duration maxQueueWait() {
        return maxQueueWait;
    }

    public int queueDepth() {
        return pool.getQueue().size();
    }

    public int running() {
        return running.get();
    }

    /** How many tasks run at once at most. */
    public int workers() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Takes no new tasks and waits up to {@code grace} for the running and queued ones.
     *
     * @return true when all finished in time
     */
    public boolean drain(Duration grace) {
        pool.shutdown();
        try {
            return pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
    }

    // daemon: a command stuck in a library must not keep the JVM alive after shutdown
    private static ThreadFactory daemonThreads(String prefix) {
        return Thread.ofPlatform().name(prefix, 1).daemon(true).factory();
    }
}
