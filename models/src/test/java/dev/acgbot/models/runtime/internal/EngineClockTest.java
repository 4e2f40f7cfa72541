package dev.acgbot.models.runtime.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "The engine is busy" is the union of the models' batch runs: overlapping runs count once, gaps not at all. */
class EngineClockTest {

    @Test
    void overlappingRunsCountOnceAndIdleGapsNotAtAll() {
        EngineClock clock = new EngineClock();
        assertEquals(0, clock.runningNanos());
        clock.started(1_000);        // model A
        clock.started(1_020);        // model B joins while A runs
        clock.finished(1_040);       // A ends, B still runs
        clock.finished(1_060);       // B ends
        assertEquals(60, clock.runningNanos(), "one span from A's start to B's end");
        clock.started(2_000);        // after an idle gap
        clock.finished(2_010);
        assertEquals(70, clock.runningNanos(), "idle time is not busy time");
    }

    @Test
    void aRunInProgressCountsUpToNow() {
        EngineClock clock = new EngineClock();
        long start = System.nanoTime() - 5_000_000;
        clock.started(start);
        long during = clock.runningNanos();
        assertTrue(during >= 5_000_000, "a run in progress counts up to now: " + during);
        long end = System.nanoTime();
        clock.finished(end);
        assertEquals(end - start, clock.runningNanos());
    }

    @Test
    void aModelsRunTimeAndTheEnginesBusyTimeComeFromTheSameReadings() {
        EngineClock clock = new EngineClock();
        ModelMeter meter = new ModelMeter("m", 224, clock);
        MicroBatcher.Runner<Integer, Integer> run = meter.running((batch, abandonment) -> {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            return batch;
        });
        for (int i = 0; i < 5; i++) {
            run.run(java.util.List.of(i), null);
        }
        // one model, one thread: the union of its runs is exactly their sum, however the threads were scheduled
        assertEquals(meter.snapshot().runNanos(), clock.runningNanos());
    }
}
