package dev.acgbot.core.router;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.inline.InlineAnswer;
import dev.acgbot.api.inline.InlineChatType;
import dev.acgbot.api.inline.InlineHandler;
import dev.acgbot.api.inline.InlineQuery;
import dev.acgbot.core.exec.CommandExecutor;
import dev.acgbot.core.permissions.Permissions;
import dev.acgbot.core.limits.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inline queries through the router: every path ends in exactly one answer, none waits on the caller. */
class InlineRouterTest {
    private static final InlineAnswer RESULTS = new InlineAnswer(List.of(), "10", Optional.of("page one"), Duration.ofSeconds(30));
    private CommandExecutor executor;

    @AfterEach
    void close() {
        if (executor != null) {
            executor.close();
        }
    }

    private Router router(InlineHandler handler, int userCapacity, int workers, int queue) {
        CommandRegistry registry = new CommandRegistry();
        if (handler != null) {
            registry.registerInline("test", handler);
        }
        executor = new CommandExecutor(workers, queue);
        return new Router(registry, new Permissions(Map.of("telegram", Set.of("999"))), new RateLimiter(userCapacity, 1),
                new RateLimiter(1, 1), true, executor, Duration.ofSeconds(10), 1000);
    }

    private static InlineQuery query(String userId, String language) {
        return new InlineQuery("telegram", new ChatUser(userId, "u" + userId, language), "樱花", "", InlineChatType.GROUP);
    }

    private static InlineAnswer ask(Router router, InlineQuery query) throws Exception {
        CompletableFuture<InlineAnswer> answer = new CompletableFuture<>();
        router.onInlineQuery(query, answer::complete);
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theHandlerGetsTheQueryInTheUsersLanguage() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Router router = router((q, language) -> {
            seen.set(q.text() + " " + language + " " + q.chatType() + " " + Thread.currentThread().getName());
            return RESULTS;
        }, 5, 1, 1);
        assertEquals(RESULTS, ask(router, query("1", "zh-hans")));
        assertTrue(seen.get().startsWith("樱花 ZH GROUP acgbot-command-"), seen.get());
    }

    /** Inline queries are most of a group's searches: /stats and /metrics count them as the command "inline". */
    @Test
    void inlineQueriesCountInTheBotsFigures() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.registerInline("test", (q, l) -> RESULTS);
        executor = new CommandExecutor(1, 1);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meterRegistry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        dev.acgbot.core.metrics.CommandMeters meters = new dev.acgbot.core.metrics.CommandMeters(meterRegistry, executor);
        Router router = new Router(registry, new Permissions(Map.of("telegram", Set.of("999"))), new RateLimiter(1, 1),
                new RateLimiter(1, 1), true, executor, Duration.ofSeconds(10), 1000, meters);

        assertEquals(RESULTS, ask(router, query("1", "en")));
        assertTrue(ask(router, query("1", "en")).notice().orElseThrow().startsWith("Slow down a little"), "the second is over the limit");

        assertEquals(1, meters.handled());
        assertEquals(1.0, meterRegistry.get("acgbot.commands").tag("command", "inline").tag("outcome", "ok").counter().count());
        assertEquals(1.0, meterRegistry.get("acgbot.commands.refused").tag("reason", "rate_limited").counter().count());
        assertEquals(1L, meterRegistry.get("acgbot.command.latency").tag("command", "inline").timer().count());
    }

    @Test
    void withoutAnInlinePluginTheAnswerIsEmpty() throws Exception {
        assertEquals(InlineAnswer.empty(Optional.empty()), ask(router(null, 5, 1, 1), query("1", "en")));
    }

    @Test
    void overTheLimitTheUserIsToldToSlowDownAndAdminsAreExempt() throws Exception {
        Router router = router((q, l) -> RESULTS, 1, 1, 1);
        assertEquals(RESULTS, ask(router, query("1", "en")));
        InlineAnswer limited = ask(router, query("1", "en"));
        assertEquals(List.of(), limited.results());
        assertTrue(limited.notice().orElseThrow().startsWith("Slow down a little: try again in "), limited.notice().toString());
        assertEquals(Duration.ZERO, limited.cacheFor());
        assertEquals(RESULTS, ask(router, query("2", "en")), "another user has a bucket of their own");
        for (int i = 0; i < 3; i++) {
            assertEquals(RESULTS, ask(router, query("999", "en")), "the admin is exempt");
        }
    }

    @Test
    void failuresBecomeANoticeWithoutDetail() throws Exception {
        Router refusing = router((q, l) -> {
            throw new UserFacingException("No CLIP model is installed.");
        }, 5, 1, 1);
        assertEquals(InlineAnswer.empty(Optional.of("No CLIP model is installed.")), ask(refusing, query("1", "en")));
        executor.close();
        Router failing = router((q, l) -> {
            throw new IllegalStateException("secret internals");
        }, 5, 1, 1);
        String notice = ask(failing, query("1", "zh")).notice().orElseThrow();
        assertTrue(notice.matches("内联搜索失败（编号 [A-Za-z0-9-]+）。"), notice);
    }

    @Test
    void aFullPoolAnswersBusyAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Router router = router((q, l) -> {
            release.await();
            return RESULTS;
        }, 50, 1, 0);
        CompletableFuture<InlineAnswer> stuck = new CompletableFuture<>();
        router.onInlineQuery(query("1", "en"), stuck::complete);
        long started = System.nanoTime();
        InlineAnswer busy = ask(router, query("2", "en"));
        assertEquals(InlineAnswer.empty(Optional.of("I'm busy right now. Please try again in a moment.")), busy);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "refused at once");
        release.countDown();
        assertEquals(RESULTS, stuck.get(10, TimeUnit.SECONDS));
    }

    @Test
    void inlineSearchesTakeAtMostHalfTheWorkersSoCommandsKeepTheRest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Router router = router((q, l) -> {
            release.await();
            return RESULTS;
        }, 50, 4, 10);
        List<CompletableFuture<InlineAnswer>> held = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        router.onInlineQuery(query("1", "en"), held.get(0)::complete);
        router.onInlineQuery(query("2", "en"), held.get(1)::complete);
        assertEquals(InlineAnswer.empty(Optional.of("I'm busy right now. Please try again in a moment.")),
                ask(router, query("3", "en")), "a third search would take a third of four workers");
        release.countDown();
        for (CompletableFuture<InlineAnswer> answer : held) {
            assertEquals(RESULTS, answer.get(10, TimeUnit.SECONDS));
        }
        assertEquals(RESULTS, ask(router, query("3", "en")), "the places are free again");
    }
}
