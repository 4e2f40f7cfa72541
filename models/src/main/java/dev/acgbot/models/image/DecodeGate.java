package dev.acgbot.models.image;

import dev.acgbot.models.image.ImageDecodeException.Reason;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps how many heavy decodes run at once, so uploads of large images cannot occupy every command worker:
 * 20 pixel-heavy uploads from four users once held all workers for 8.7 s. Size it below the command worker
 * count ({@link #forWorkers}) and give it to the decoder that serves chat commands; batch jobs (indexing)
 * have their own thread budget and use {@link #none()}.
 *
 * <p>A decode is heavy when the image has at least {@link #heavyPixels} pixels (judged from the header,
 * before any pixel is decoded); lighter ones never wait. A heavy decode that cannot get a slot within
 * {@code maxWait} fails with {@link Reason#BUSY} instead of queueing behind others.
 */
public final class DecodeGate {
    /** 8 megapixels: about 32 MB of ARGB and several hundred ms of decoding; phone photos are above it. */
    public static final long DEFAULT_HEAVY_PIXELS = 8_000_000L;
    /** How long a heavy decode may wait for a slot before the user is told to try again. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    private static final DecodeGate NONE = new DecodeGate(Integer.MAX_VALUE, Long.MAX_VALUE, Duration.ZERO);

    private final Semaphore slots;
    private final int permits;
    private final long heavyPixels;
    private final Duration maxWait;

    private DecodeGate(int permits, long heavyPixels, Duration maxWait) {
        this.permits = permits;
        this.slots = permits == Integer.MAX_VALUE ? null : new Semaphore(permits, true);
        this.heavyPixels = heavyPixels;
        this.maxWait = maxWait;
    }

    /** At most {@code permits} heavy decodes (at least {@code heavyPixels} pixels) at once. */
    public static DecodeGate of(int permits, long heavyPixels, Duration maxWait) {
        if (permits < 1 || heavyPixels < 1) {
            throw new IllegalArgumentException("permits and heavyPixels must be positive");
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        return new DecodeGate(permits, heavyPixels, maxWait);
    }

    /**
     * For a pool of {@code workers} command workers: one heavy decode fewer than there are workers (at least
     * one), so at least one worker stays free for everybody else's commands whenever there are two or more.
     */
    public static DecodeGate forWorkers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive");
        }
        return of(Math.max(1, workers - 1), DEFAULT_HEAVY_PIXELS, DEFAULT_MAX_WAIT);
    }

    /** No cap: every decode runs at once (batch jobs that bound their own threads). */
    public static DecodeGate none() {
        return NONE;
    }

    /** Concurrent heavy decodes allowed ({@link Integer#MAX_VALUE} for {@link #none()}). */
    public int permits() {
        return permits;
    }

    public long heavyPixels() {
        return heavyPixels;
    }

    /** A held slot; closing it frees the slot. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private static final Slot FREE = () -> { };

    /**
     * A slot for decoding {@code pixels} pixels: immediate for light images, otherwise waits up to the
     * gate's maximum.
     *
     * @throws ImageDecodeException {@link Reason#BUSY} when no slot frees up in time or the thread is
     *                              interrupted while waiting
     */
    Slot enter(long pixels) throws ImageDecodeException {
        if (slots == null || pixels < heavyPixels) {
            return FREE;
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(pixels, "interrupted while waiting for a decode slot");
        }
        if (!acquired) {
            throw busy(pixels, "all " + permits + " heavy-decode slots busy for " + maxWait.toMillis() + " ms");
        }
        return slots::release;
    }

    private static ImageDecodeException busy(long pixels, String detail) {
        return new ImageDecodeException(Reason.BUSY,
                "I'm busy with other large images right now. Please try again in a moment.",
                pixels + " pixels: " + detail);
    }
}
