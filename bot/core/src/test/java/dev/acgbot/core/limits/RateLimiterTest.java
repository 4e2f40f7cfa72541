package dev.acgbot.core.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void burstUpToCapacityThenWaitUntilRefill() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(3, 60, now::get); // one token per second
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("u1"));
        }
        Duration wait = limiter.acquire("u1");
        assertTrue(wait.toMillis() > 900 && wait.toMillis() <= 1000, wait.toString());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Duration.ZERO, limiter.acquire("u1"));
    }

    @Test
    void keysAreIndependent() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(1, 1, now::get);
        assertEquals(Duration.ZERO, limiter.acquire("a"));
        assertTrue(limiter.acquire("a").toSeconds() > 0);
        assertEquals(Duration.ZERO, limiter.acquire("b"));
    }

    @Test
    void refillNeverExceedsCapacity() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 60, now::get);
        limiter.acquire("u");
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertEquals(Duration.ZERO, limiter.acquire("u"));
        assertEquals(Duration.ZERO, limiter.acquire("u"));
        assertTrue(limiter.acquire("u").toNanos() > 0);
    }
}
