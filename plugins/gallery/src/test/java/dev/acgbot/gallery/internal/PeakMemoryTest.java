package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeakMemoryTest {

    @Test
    void readsVmHwmInKilobytesAsBytesAndTheLiveProcessHasOne() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  812340 kB", "VmRSS:\t  700000 kB");
        assertEquals(812_340L * 1024, PeakMemory.parseVmHwm(status));
        assertEquals(0, PeakMemory.parseVmHwm(List.of("Name:\tjava")));
        if (System.getProperty("os.name").startsWith("Linux")) {
            long rss = PeakMemory.peakRssBytes();
            assertTrue(rss > Runtime.getRuntime().totalMemory() / 4, "a JVM's peak RSS holds part of its heap: " + rss);
        }
    }

    @Test
    void aByteBudgetClampsRequestsLargerThanItselfSoTheyWaitToRunAloneInsteadOfForever() throws Exception {
        ByteBudget budget = new ByteBudget(10L << 20);
        long big = budget.acquire(300L << 20);
        assertEquals(10L << 20, big);
        budget.release(big);
        long a = budget.acquire(6L << 20);
        Thread t = new Thread(() -> {
            try {
                budget.release(budget.acquire(6L << 20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join(200);
        assertTrue(t.isAlive(), "6 MB + 6 MB do not fit 10 MB");
        budget.release(a);
        t.join(5000);
        assertTrue(!t.isAlive(), "released bytes let the waiter in");
    }
}
