package dev.acgbot.testkit;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Checks that code under test stopped every thread it started. */
public final class ThreadLeaks {

    private ThreadLeaks() {
    }

    /**
     * Waits up to {@code wait} for every live thread that was not in {@code before} (and that {@code ignore}
     * does not excuse) to end; fails naming the ones left.
     */
    public static void assertNoneLeftSince(Set<Thread> before, Duration wait, Predicate<Thread> ignore) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Set<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t) && !ignore.test(t))
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("threads left behind: " + left);
    }
}
