package dev.acgbot.core.router;

import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Sends the core's own short answers (refusals, timeouts) off the adapter's thread. The Telegram poller and the
 * Discord dispatcher call the router on their single thread; sending a refusal there made them wait out the
 * platform's flood control, so one user's 40 /ping delayed everyone else's answers by 66.6 s (issue 11).
 *
 * <p>Refusals of one kind to one user are coalesced: the first in a window is sent, the rest only complete
 * (where the platform needs no answer to each command). The queue is bounded; when it is full a refusal is
 * dropped with a log line rather than held in memory.
 */
final class RefusalSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalSender.class);
    private static final int THREADS = 2;
    private static final int QUEUE = 256;
    private static final int SWEEP_THRESHOLD = 10_000;

    /** Why a command got no run; each is coalesced on its own. */
    enum Kind { UNKNOWN_COMMAND, ADMIN_ONLY, RATE_LIMITED, USAGE, BUSY }

    private final ThreadPoolExecutor senders;
    private final long windowNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Long> lastSent = new ConcurrentHashMap<>();

    RefusalSender(Duration window, LongSupplier nanoClock) {
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
        AtomicInteger n = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "acgbot-refusals-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        senders.allowCoreThreadTimeOut(true);
    }

    RefusalSender(Duration window) {
        this(window, System::nanoTime);
    }

    /**
     * Answers a refused command without blocking the caller; a repeat of the same refusal to the same user
     * within the window is left out where the responder allows it.
     *
     * @param who the platform and user id, the coalescing key together with the kind (and the text, but for
     *            the rate limit and busy refusals, whose texts differ only in numbers)
     */
    void refuse(String who, Kind kind, Responder responder, Reply reply) {
        // a flood's "slow down" and "busy" differ only in their numbers; other refusals repeat only when identical
        boolean byKind = kind == Kind.RATE_LIMITED || kind == Kind.BUSY;
        String key = who + "\u0000" + kind + (byKind ? "" : "\u0000" + reply);
        boolean repeat = !firstInWindow(key);
        if (repeat && !responder.answerRequired()) {
            LOG.debug("left out a repeated {} refusal to {}", kind, who);
            submit(responder::completed);
            return;
        }
        submit(() -> {
            try {
                responder.send(reply);
            } finally {
                responder.completed();
            }
        });
    }

    /** Sends a last message (a timeout) off the calling thread, never coalesced. */
    void sendLater(Runnable delivery) {
        submit(delivery);
    }

    private boolean firstInWindow(String key) {
        long now = clock.getAsLong();
        if (lastSent.size() > SWEEP_THRESHOLD) {
            lastSent.values().removeIf(t -> now - t >= windowNanos);
        }
        boolean[] first = {false};
        lastSent.compute(key, (k, previous) -> {
            if (previous == null || now - previous >= windowNanos) {
                first[0] = true;
                return now;
            }
            return previous;
        });
        return first[0];
    }

    private void submit(Runnable delivery) {
        try {
            senders.execute(() -> {
                try {
                    delivery.run();
                } catch (RuntimeException e) {
                    LOG.warn("could not deliver a refusal: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("dropped a refusal: {} are already waiting to be sent", QUEUE);
        }
    }

    @Override
    public void close() {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(2, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
