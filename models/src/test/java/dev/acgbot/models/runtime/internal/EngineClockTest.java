package dev.acgbot.models.runtime.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "The engine is busy" is the union of the models' batch runs: overlapping runs count once, gaps not at all. */
class EngineClockTest {

    @Test
    void overlappingRunsCountOnceAndIdleGapsNotAtAll() throws InterruptedException {
        EngineClock clock = new EngineClock();
        assertEquals(0, clock.runningNanos());
        long t0 = System.nanoTime();
        clock.started();             // model A
        Thread.sleep(20);
        clock.started();             // model B joins while A runs
        Thread.sleep(20);
        clock.finished();            // A ends, B still runs
        Thread.sleep(20);
        clock.finished();            // B ends
        long firstSpan = System.nanoTime() - t0;
        long afterFirst = clock.runningNanos();
        assertTrue(afterFirst >= 60_000_000 && afterFirst <= firstSpan, "one span from A's start to B's end: " + afterFirst);

        Thread.sleep(30);            // idle
        assertEquals(afterFirst, clock.runningNanos(), "idle time is not busy time");
        clock.started();
        Thread.sleep(10);
        long during = clock.runningNanos();
        assertTrue(during >= afterFirst + 10_000_000, "a run in progress counts up to now: " + during);
        clock.finished();
        assertTrue(clock.runningNanos() >= during);
    }
}
