package dev.acgbot.core;

import dev.acgbot.api.adapter.AdapterStartException;
import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.core.metrics.LastError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdapterSupervisorTest {

    /** Fails with the given reasons in turn, then starts. */
    static final class ScriptedAdapter implements ChatAdapter {
        final Deque<AdapterStartException.Reason> failures;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);

        ScriptedAdapter(AdapterStartException.Reason... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public String platform() {
            return "scripted";
        }

        @Override
        public synchronized void start(InboundSink sink, List<CommandSpec> commands) throws AdapterStartException {
            attempts.incrementAndGet();
            AdapterStartException.Reason reason = failures.poll();
            if (reason != null) {
                throw new AdapterStartException(reason, "attempt " + attempts.get() + " failed: " + reason);
            }
            started.countDown();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static AdapterSupervisor supervisor(LastError lastError) {
        return new AdapterSupervisor(null, List::of, Duration.ofMillis(20), Duration.ofMillis(80), lastError::record);
    }

    @Test
    void anUnreachablePlatformIsRetriedUntilItConnects() throws Exception {
        LastError lastError = new LastError();
        ScriptedAdapter adapter = new ScriptedAdapter(AdapterStartException.Reason.UNREACHABLE, AdapterStartException.Reason.UNREACHABLE);
        try (AdapterSupervisor supervisor = supervisor(lastError)) {
            AdapterState first = supervisor.start(adapter);
            assertEquals(new AdapterState("scripted", AdapterState.Status.RETRYING, "attempt 1 failed: UNREACHABLE"), first);
            assertTrue(adapter.started.await(5, TimeUnit.SECONDS), "started after retries");
            assertEquals(3, adapter.attempts.get());
            // the adapter signals from inside start(); the supervisor records RUNNING just after it returns
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (supervisor.states().get(0).status() != AdapterState.Status.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(List.of(new AdapterState("scripted", AdapterState.Status.RUNNING, "")), supervisor.states());
            assertEquals("scripted: attempt 2 failed: UNREACHABLE", lastError.get().orElseThrow().what());
        }
        assertEquals(3, adapter.closes.get(), "each failed attempt and the final stop close the adapter");
    }

    @Test
    void aRefusedTokenIsNotRetried() throws Exception {
        ScriptedAdapter adapter = new ScriptedAdapter(AdapterStartException.Reason.TOKEN_REFUSED);
        try (AdapterSupervisor supervisor = supervisor(new LastError())) {
            assertEquals(AdapterState.Status.TOKEN_REFUSED, supervisor.start(adapter).status());
            Thread.sleep(200);
            assertEquals(1, adapter.attempts.get());
        }
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        try (AdapterSupervisor supervisor = supervisor(new LastError())) {
            assertEquals(List.of(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(80)),
                    List.of(supervisor.backoff(1), supervisor.backoff(2), supervisor.backoff(3), supervisor.backoff(30)));
        }
    }

    @Test
    void closingStopsTheRetries() throws Exception {
        ScriptedAdapter adapter = new ScriptedAdapter(AdapterStartException.Reason.UNREACHABLE, AdapterStartException.Reason.UNREACHABLE,
                AdapterStartException.Reason.UNREACHABLE, AdapterStartException.Reason.UNREACHABLE);
        AdapterSupervisor supervisor = new AdapterSupervisor(null, List::of, Duration.ofMillis(100), Duration.ofSeconds(1), what -> { });
        supervisor.start(adapter);
        supervisor.close();
        Thread.sleep(300);
        assertEquals(1, adapter.attempts.get());
    }
}
