package dev.acgbot.core.router;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps an adapter's responder for one invocation: once the command timed out its late replies are
 * dropped (the user already got the timeout message), delivery failures are logged rather than thrown, and
 * {@link Responder#completed()} reaches the adapter exactly once.
 */
final class GuardedResponder implements Responder {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedResponder.class);

    private final Responder delegate;
    private final String correlationId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();
    private final AtomicBoolean finalSent = new AtomicBoolean();

    GuardedResponder(Responder delegate, String correlationId) {
        this.delegate = delegate;
        this.correlationId = correlationId;
    }

    @Override
    public void send(Reply reply) {
        if (closed.get()) {
            LOG.debug("[{}] dropped a reply sent after the command was closed", correlationId);
            return;
        }
        try {
            delegate.send(reply);
        } catch (RuntimeException e) {
            LOG.warn("[{}] could not deliver a reply: {}", correlationId, e.toString());
        }
    }

    @Override
    public ProgressMessage progress(String initialText) {
        ProgressMessage inner;
        try {
            inner = closed.get() ? null : delegate.progress(initialText);
        } catch (RuntimeException e) {
            LOG.warn("[{}] could not send a progress message: {}", correlationId, e.toString());
            inner = null;
        }
        ProgressMessage target = inner;
        return text -> {
            if (target == null || closed.get()) {
                return;
            }
            try {
                target.update(text);
            } catch (RuntimeException e) {
                LOG.warn("[{}] could not update a progress message: {}", correlationId, e.toString());
            }
        };
    }

    /** Refuses every later reply (the command timed out); the final reply may still be sent. */
    void close() {
        closed.set(true);
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void useLanguage(Language language) {
        delegate.useLanguage(language);
    }

    @Override
    public boolean answerRequired() {
        return delegate.answerRequired();
    }

    /** Sends a last reply (once), and refuses everything after it. */
    void sendFinal(Reply reply) {
        closed.set(true);
        if (finalSent.compareAndSet(false, true)) {
            try {
                delegate.send(reply);
            } catch (RuntimeException e) {
                LOG.warn("[{}] could not deliver a reply: {}", correlationId, e.toString());
            }
        }
    }

    @Override
    public void completed() {
        if (completed.compareAndSet(false, true)) {
            try {
                delegate.completed();
            } catch (RuntimeException e) {
                LOG.warn("[{}] adapter failed to finish the command: {}", correlationId, e.toString());
            }
        }
    }
}
