package dev.acgbot.core.router;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.inline.InlineAnswer;
import dev.acgbot.api.inline.InlineHandler;
import dev.acgbot.api.inline.InlineQuery;
import dev.acgbot.api.inline.InlineResponder;
import dev.acgbot.api.text.LogText;
import dev.acgbot.core.exec.CommandExecutor;
import dev.acgbot.core.metrics.CommandMeters;
import dev.acgbot.core.i18n.ChatLanguages;
import dev.acgbot.core.i18n.CoreMessages;
import dev.acgbot.core.limits.RateLimiter;
import dev.acgbot.core.permissions.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Inline queries ({@code @bot 樱花} in any chat): the user's rate limit, then the inline handler of the plugin that
 * offers one, on the command workers with a short deadline. Every path ends in exactly one answer, an empty one
 * when the user is over the limit, the bot is busy, or the handler fails; none waits on the adapter's thread.
 */
final class InlineRouter {
    private static final Logger LOG = LoggerFactory.getLogger(InlineRouter.class);
    /**
     * Telegram drops an inline query's id some seconds after it was typed (answers later than about 10 s fail with
     * "query is too old"), and the adapter still needs time for uploads: the search gets this much.
     */
    static final Duration DEADLINE = Duration.ofSeconds(6);
    /** Inline queries have their own bucket of the user's limit: one typed query must not cost a /search. */
    static final String BUCKET_SUFFIX = "#inline";

    private final Supplier<Optional<InlineHandler>> handler;
    private final Permissions permissions;
    private final RateLimiter perUser;
    private final boolean exemptAdmins;
    private final CommandExecutor executor;
    private final ChatLanguages languages;
    /** Inline queries count in /stats and /metrics as the command {@value #METER_NAME}: they are most of a group's searches. */
    private final CommandMeters meters;
    static final String METER_NAME = "inline";
    /**
     * Inline searches in flight: half the workers (at least one), so a burst of typing, one query per pause, never
     * takes every worker from commands; a query beyond it is answered "busy" at once.
     */
    private final Semaphore inFlight;

    InlineRouter(Supplier<Optional<InlineHandler>> handler, Permissions permissions, RateLimiter perUser,
                 boolean exemptAdmins, CommandExecutor executor, ChatLanguages languages, CommandMeters meters) {
        this.handler = handler;
        this.meters = meters;
        this.permissions = permissions;
        this.perUser = perUser;
        this.exemptAdmins = exemptAdmins;
        this.executor = executor;
        this.languages = languages;
        this.inFlight = new Semaphore(Math.max(1, executor.workers() / 2));
    }

    void route(InlineQuery query, InlineResponder responder) {
        Optional<InlineHandler> found = handler.get();
        if (found.isEmpty()) {
            responder.answer(InlineAnswer.empty(Optional.empty()));
            return;
        }
        // the user's own chat with the bot: a /lang chosen there applies; the platform's language otherwise
        MessageOrigin origin = new MessageOrigin(query.platform(), query.user().id(), query.user(), true, false);
        Language language = languages.resolve(origin);
        responder.useLanguage(language);
        if (!(exemptAdmins && permissions.isAdmin(origin))) {
            Duration wait = perUser.acquire(query.platform() + ":" + query.user().id() + BUCKET_SUFFIX);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                LOG.debug("rate limited an inline query from {}:{} for {}s", query.platform(), LogText.safe(query.user().id()), seconds);
                meters.refused(METER_NAME, CommandMeters.RATE_LIMITED);
                responder.answer(notice(CoreMessages.format(language, "router.rate_limited", seconds)));
                return;
            }
        }
        if (!inFlight.tryAcquire()) {
            meters.refused(METER_NAME, CommandMeters.BUSY);
            responder.answer(notice(CoreMessages.format(language, "router.busy")));
            return;
        }
        Once once = new Once(responder, inFlight);
        boolean accepted = executor.submit(() -> run(found.get(), query, language, once), DEADLINE,
                () -> {
                    LOG.info("an inline query from {}:{} timed out after {} s", query.platform(),
                            LogText.safe(query.user().id()), DEADLINE.toSeconds());
                    meters.timedOut(METER_NAME);
                    once.answer(notice(CoreMessages.format(language, "router.busy")));
                },
                () -> once.answer(notice(CoreMessages.format(language, "router.busy"))));
        if (!accepted) {
            meters.refused(METER_NAME, CommandMeters.BUSY);
            once.answer(notice(CoreMessages.format(language, "router.busy")));
        }
    }

    private void run(InlineHandler handler, InlineQuery query, Language language, Once responder) {
        long start = System.nanoTime();
        String outcome = CommandMeters.OK;
        try {
            responder.answer(handler.answer(query, language));
        } catch (UserFacingException e) {
            outcome = CommandMeters.USER_ERROR;
            responder.answer(notice(e.message(language)));
        } catch (InterruptedException e) {
            // the deadline (whose answer came first) or shutdown
            outcome = CommandMeters.INTERRUPTED;
            responder.answer(notice(CoreMessages.format(language, "router.busy")));
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            outcome = CommandMeters.ERROR;
            String correlationId = CorrelationIds.next();
            LOG.error("[{}] inline query from {}:{} failed", correlationId, query.platform(), LogText.safe(query.user().id()), e);
            meters.failed(METER_NAME, correlationId);
            responder.answer(notice(CoreMessages.format(language, "inline.failed", correlationId)));
        } finally {
            meters.finished(METER_NAME, outcome, System.nanoTime() - start);
        }
    }

    private static InlineAnswer notice(String text) {
        return InlineAnswer.empty(Optional.of(text));
    }

    /** The first answer wins: the worker's or the watchdog's; it frees the query's place. */
    private static final class Once implements InlineResponder {
        private final InlineResponder target;
        private final Semaphore place;
        private final AtomicBoolean done = new AtomicBoolean();

        Once(InlineResponder target, Semaphore place) {
            this.target = target;
            this.place = place;
        }

        @Override
        public void answer(InlineAnswer answer) {
            if (done.compareAndSet(false, true)) {
                place.release();
                target.answer(answer);
            }
        }
    }
}
