package dev.acgbot.adapterkit;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** Named daemon threads and their orderly stop, as every adapter's executors need them. */
public final class Threads {
    private Threads() {
    }

    /** Daemon threads named {@code prefix1}, {@code prefix2}, …: a stuck one never keeps the JVM alive. */
    public static ThreadFactory daemon(String prefix) {
        return Thread.ofPlatform().name(prefix, 1).daemon(true).factory();
    }

    /** Lets queued work finish for up to {@code grace}, then interrupts what is left. */
    public static void stop(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
