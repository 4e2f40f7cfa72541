package dev.acgbot.core.metrics;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The most recent failure the operator should know of (an adapter that cannot connect, a command that crashed), for /healthz. */
public final class LastError {

    /** What failed and when; the text never holds a secret (adapters redact their tokens). */
    public record Entry(Instant at, String what) {
    }

    private final AtomicReference<Entry> last = new AtomicReference<>();

    public void record(String what) {
        last.set(new Entry(Instant.now(), what));
    }

    public Optional<Entry> get() {
        return Optional.ofNullable(last.get());
    }
}
