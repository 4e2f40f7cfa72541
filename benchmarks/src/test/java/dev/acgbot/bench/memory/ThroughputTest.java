package dev.acgbot.bench.memory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThroughputTest {
    @Test
    void withinTenPercentOfBeforeIsMetAndSlowerIsMissedByTheShortfall() {
        assertEquals("met", new Throughput(100, 50, 100, 55).verdict()); // 1.82 vs 2.00 images/s: 0.909
        assertEquals("met", new Throughput(100, 50, 100, 40).verdict()); // faster
        Throughput slow = new Throughput(100, 50, 100, 80);            // 1.25 vs 2.00: 0.625
        assertEquals(0.625, slow.ratio(), 1e-9);
        assertEquals("missed by 28 %", slow.verdict());
    }

    @Test
    void theRatioComparesImagesPerSecondNotSeconds() {
        Throughput t = new Throughput(40, 20, 60, 30); // both 2 images/s over different image counts
        assertEquals(2.0, t.beforePerSecond(), 1e-9);
        assertEquals(2.0, t.perSecond(), 1e-9);
        assertEquals("met", t.verdict());
    }
}
