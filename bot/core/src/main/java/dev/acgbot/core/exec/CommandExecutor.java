package dev.acgbot.core.exec;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool with a bounded queue. When both are full a submission is refused at once, so users get a
 * "busy" answer instead of waiting in an unbounded line. Each task has a deadline from the moment it
 * starts; past it the task's thread is interrupted and the timeout callback runs.
 */
public final class CommandExecutor implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final AtomicInteger running = new AtomicInteger();

    public CommandExecutor(int workers, int queueCapacity) {
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, queue,
                daemonThreads("acgbot-command-"), new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("acgbot-watchdog-"));
    }

    /**
     * Runs the task on the pool.
     *
     * @param timeout   how long the task may run once started
     * @param onTimeout runs (on the watchdog thread) when the deadline passes; the task is then interrupted
     * @return false when the pool and its queue are full and the task was not accepted
     */
    public boolean submit(Runnable task, Duration timeout, Runnable onTimeout) {
        try {
            pool.execute(() -> runWithDeadline(task, timeout, onTimeout));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
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

    public int queueDepth() {
        return pool.getQueue().size();
    }

    public int running() {
        return running.get();
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

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
