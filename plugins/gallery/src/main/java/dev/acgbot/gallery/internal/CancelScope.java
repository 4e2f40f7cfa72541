package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;

/**
 * Turns a cancelled token into an interrupt of the indexing thread, but only while it is inside a
 * {@link #waiting} section (waiting for decoded images or for the inference engine): a thread interrupted
 * while it writes the store could close the store's file channel. Leaving a section clears any interrupt
 * it got, under the same lock, so no interrupt arrives later.
 */
final class CancelScope implements AutoCloseable {
    private final CancellationToken token;
    private final CancellationToken.Registration registration;
    private Thread waiter;

    CancelScope(CancellationToken token) {
        this.token = token;
        this.registration = token.onCancel(this::interruptWaiter);
    }

    boolean isCancelled() {
        return token.isCancelled();
    }

    /** Runs {@code body} so that cancelling interrupts it; throws {@link Cancelled} when cancelled. */
    <T> T waiting(Interruptible<T> body) {
        enter();
        try {
            return body.run();
        } catch (InterruptedException e) {
            throw new Cancelled();
        } catch (RuntimeException e) {
            if (token.isCancelled()) {
                throw new Cancelled(); // e.g. the engine reporting the interrupted wait
            }
            throw e;
        } finally {
            leave();
        }
    }

    private synchronized void enter() {
        if (token.isCancelled()) {
            throw new Cancelled();
        }
        waiter = Thread.currentThread();
    }

    private synchronized void leave() {
        waiter = null;
        Thread.interrupted();
    }

    private synchronized void interruptWaiter() {
        if (waiter != null) {
            waiter.interrupt();
        }
    }

    @Override
    public void close() {
        registration.close();
    }

    @FunctionalInterface
    interface Interruptible<T> {
        T run() throws InterruptedException;
    }

    /** The run was cancelled while waiting. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
