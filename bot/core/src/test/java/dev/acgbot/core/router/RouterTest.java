package dev.acgbot.core.router;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.BoundedRead;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.core.exec.CommandExecutor;
import dev.acgbot.core.limits.RateLimiter;
import dev.acgbot.core.permissions.Permissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {
    static final MessageOrigin ALICE_IN_GROUP = new MessageOrigin("telegram", "group-1", new ChatUser("111", "alice"), false, false);
    static final MessageOrigin ADMIN_IN_GROUP = new MessageOrigin("telegram", "group-1", new ChatUser("999", "root"), false, false);

    private CommandExecutor executor;

    private Router router(CommandRegistry registry, int workers, int queue, int userCapacity, Duration timeout) {
        executor = new CommandExecutor(workers, queue);
        return new Router(registry, new Permissions(Map.of("telegram", Set.of("999"))),
                new RateLimiter(userCapacity, 1), new RateLimiter(1000, 1000), true, executor, timeout, 1000);
    }

    private Router router(CommandRegistry registry) {
        return router(registry, 2, 4, 100, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopExecutor() {
        if (executor != null) {
            executor.close();
        }
    }

    private static CommandRegistry registry(BotCommand... commands) {
        CommandRegistry registry = new CommandRegistry();
        registry.register("test", List.of(commands));
        return registry;
    }

    private static RecordingResponder send(Router router, MessageOrigin origin, String text) throws InterruptedException {
        RecordingResponder responder = new RecordingResponder();
        assertTrue(router.onText(origin, text, "AcgBot", List.of(), Optional.empty(), responder), "not taken: " + text);
        assertTrue(responder.awaitCompleted(10), "not completed: " + text);
        return responder;
    }

    @Test
    void commandRunsAndAnswers() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("echo", "Echo").text("text", "", true).build(),
                ctx -> ctx.reply("echo: " + ctx.request().arguments().string("text").orElseThrow()))));
        RecordingResponder r = send(router, ALICE_IN_GROUP, "/echo@AcgBot hello  world");
        assertEquals("echo: hello world", r.lastText());
        assertEquals(1, r.completions.get());
    }

    @Test
    void commandForAnotherBotIsNotTaken() {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("echo", "Echo").build(), ctx -> ctx.reply("x"))));
        RecordingResponder r = new RecordingResponder();
        assertFalse(router.onText(ALICE_IN_GROUP, "/echo@OtherBot", "AcgBot", List.of(), Optional.empty(), r));
        assertTrue(r.replies.isEmpty());
    }

    @Test
    void unknownCommandInGroupIsLeftToOtherBotsButAnsweredInPrivate() throws Exception {
        Router router = router(registry());
        assertFalse(router.onText(ALICE_IN_GROUP, "/settings", "AcgBot", List.of(), Optional.empty(), new RecordingResponder()));
        MessageOrigin privateChat = new MessageOrigin("telegram", "111", new ChatUser("111", "alice"), true, false);
        RecordingResponder r = send(router, privateChat, "/settings");
        assertTrue(r.lastText().contains("I don't know /settings"), r.lastText());
    }

    @Test
    void differentRefusalsAreAllAnsweredOnlyIdenticalRepeatsAreLeftOut() throws Exception {
        Router router = router(registry());
        MessageOrigin privateChat = new MessageOrigin("telegram", "111", new ChatUser("111", "alice"), true, false);
        assertTrue(send(router, privateChat, "/settings").lastText().contains("/settings"));
        assertTrue(send(router, privateChat, "/config").lastText().contains("/config"));
        assertTrue(send(router, privateChat, "/settings").replies.isEmpty(), "the same refusal again within the window");
    }

    @Test
    void anAliasInTheSpecRunsItsCommandUnlessAnotherCommandHasThatName() throws Exception {
        BotCommand help = BotCommand.of(CommandSpec.builder("help", "Help").alias("start").build(), ctx -> ctx.reply("the commands"));
        MessageOrigin privateChat = new MessageOrigin("telegram", "111", new ChatUser("111", "alice"), true, false);
        assertEquals("the commands", send(router(registry(help)), privateChat, "/start").lastText());
        BotCommand start = BotCommand.of(CommandSpec.builder("start", "Start").build(), ctx -> ctx.reply("started"));
        assertEquals("started", send(router(registry(help, start)), privateChat, "/start").lastText());
        Router plain = router(registry(BotCommand.of(CommandSpec.builder("help", "Help").build(), ctx -> ctx.reply("the commands"))));
        assertTrue(send(plain, privateChat, "/start").lastText().contains("I don't know /start"), "no alias, no hard-coded /start");
    }

    @Test
    void usageErrorIsFriendly() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("search", "Search").text("query", "", true).build(), ctx -> ctx.reply("x"))));
        RecordingResponder r = send(router, ALICE_IN_GROUP, "/search");
        assertTrue(r.lastText().startsWith("ERROR: /search needs query"), r.lastText());
        assertTrue(r.lastText().contains("Usage: /search <query…>"), r.lastText());
    }

    @Test
    void adminCommandIsRefusedToOthersAndAuditedEitherWay() throws Exception {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger auditLogger = (Logger) LoggerFactory.getLogger("acgbot.audit");
        auditLogger.addAppender(audit);
        ch.qos.logback.classic.Level previous = auditLogger.getLevel();
        auditLogger.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            AtomicInteger runs = new AtomicInteger();
            Router router = router(registry(BotCommand.of(CommandSpec.builder("reindex", "Reindex").adminOnly().build(),
                    ctx -> ctx.reply("started " + runs.incrementAndGet()))));
            RecordingResponder refused = send(router, ALICE_IN_GROUP, "/reindex");
            assertEquals("ERROR: /reindex is for the bot's admins only.", refused.lastText());
            assertEquals(0, runs.get());
            RecordingResponder allowed = send(router, ADMIN_IN_GROUP, "/reindex");
            assertEquals("started 1", allowed.lastText());
            List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("/reindex by telegram:111 (alice)") && lines.get(0).contains("refused"), lines.get(0));
            assertTrue(lines.get(1).contains("/reindex by telegram:999 (root)") && lines.get(1).contains("allowed"), lines.get(1));
        } finally {
            auditLogger.setLevel(previous);
            auditLogger.detachAppender(audit);
        }
    }

    @Test
    void platformAdminFlagCountsAsAdmin() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("stats", "Stats").adminOnly().build(), ctx -> ctx.reply("ok"))));
        MessageOrigin moderator = new MessageOrigin("discord", "g", new ChatUser("5", "mod"), false, true);
        assertEquals("ok", send(router, moderator, "/stats").lastText());
    }

    @Test
    void rateLimitAnswersWithTheWait() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("ping", "Ping").build(), ctx -> ctx.reply("pong"))),
                2, 4, 2, Duration.ofSeconds(10));
        assertEquals("pong", send(router, ALICE_IN_GROUP, "/ping").lastText());
        assertEquals("pong", send(router, ALICE_IN_GROUP, "/ping").lastText());
        String limited = send(router, ALICE_IN_GROUP, "/ping").lastText();
        assertTrue(limited.startsWith("ERROR: Slow down a little: try again in "), limited);
        // admins are exempt
        for (int i = 0; i < 5; i++) {
            assertEquals("pong", send(router, ADMIN_IN_GROUP, "/ping").lastText());
        }
    }

    @Test
    void unexpectedFailureGivesReferenceButNoInternals() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("boom", "Boom").build(), ctx -> {
            throw new IllegalStateException("secret internal detail token=123:ABC");
        })));
        RecordingResponder r = send(router, ALICE_IN_GROUP, "/boom");
        Reply.Error error = assertInstanceOf(Reply.Error.class, r.replies.get(0));
        assertFalse(error.message().contains("secret"), error.message());
        assertFalse(error.message().contains("Exception"), error.message());
        assertTrue(error.message().contains(error.correlationId()) && error.correlationId().length() == 8, error.message());
    }

    @Test
    void userFacingExceptionIsShownAsIs() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("tag", "Tag").build(), ctx -> {
            throw new UserFacingException("That file is not an image I can read.");
        })));
        assertEquals("ERROR: That file is not an image I can read.", send(router, ALICE_IN_GROUP, "/tag").lastText());
    }

    @Test
    void slowCommandTimesOutAndLateRepliesAreDropped() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Router router = router(registry(BotCommand.of(CommandSpec.builder("slow", "Slow").build(), ctx -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                ctx.reply("late answer");
            }
        }).withTimeout(Duration.ofMillis(200))));
        RecordingResponder r = send(router, ALICE_IN_GROUP, "/slow");
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertEquals(1, r.replies.size(), r.replies.toString());
        assertTrue(r.lastText().contains("took too long"), r.lastText());
        assertEquals(1, r.completions.get());
    }

    @Test
    void saturationIsBoundedAndTheExcessIsToldBusyOnceNotFifteenTimes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Router router = router(registry(BotCommand.of(CommandSpec.builder("work", "Work").build(), ctx -> {
            started.incrementAndGet();
            release.await();
            ctx.reply("done");
        })), 2, 3, 1000, Duration.ofSeconds(30));
        List<RecordingResponder> responders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RecordingResponder r = new RecordingResponder();
            responders.add(r);
            router.onText(ADMIN_IN_GROUP, "/work", "AcgBot", List.of(), Optional.empty(), r);
        }
        assertEquals(15, router.metrics().rejectedBusy(), "2 running + 3 queued accepted, the rest refused at once");
        for (RecordingResponder r : responders.subList(5, 20)) {
            assertTrue(r.awaitCompleted(10), "a refused command completes before the others finish");
        }
        long busy = responders.stream().filter(r -> !r.replies.isEmpty() && r.lastText().contains("busy")).count();
        assertEquals(1, busy, "one 'busy' per user per window, the repeats left out");
        assertTrue(started.get() <= 2);
        release.countDown();
        for (RecordingResponder r : responders) {
            assertTrue(r.awaitCompleted(10), "every command completes: nothing lost or hung");
        }
        assertEquals(5, responders.stream().filter(r -> !r.replies.isEmpty() && r.lastText().equals("done")).count());
        assertEquals(5, started.get());
        assertEquals(0, router.metrics().queueDepth());
    }

    /** A posted file of {@code size} bytes, read through BoundedRead as the adapters do. */
    private static Attachment file(int size) {
        return new Attachment() {
            @Override
            public String fileName() {
                return "big.png";
            }

            @Override
            public Optional<String> contentType() {
                return Optional.empty();
            }

            @Override
            public long declaredSize() {
                return -1;
            }

            @Override
            public byte[] read(long maxBytes) throws java.io.IOException {
                return BoundedRead.readAtMost(new java.io.ByteArrayInputStream(new byte[size]), fileName(), maxBytes);
            }
        };
    }

    @Test
    void noCommandReadsMoreOfAnAttachmentThanTheConfiguredLimitWhateverItAsksFor() throws Exception {
        // the router is built with executor.max_attachment_bytes = 1000
        BotCommand greedy = BotCommand.of(CommandSpec.builder("read", "Reads everything").attachment("file", "f", true).build(),
                ctx -> ctx.reply(ctx.request().images().get(0).read(Long.MAX_VALUE).length + " bytes"));
        Router router = router(registry(greedy));
        MessageOrigin privateChat = new MessageOrigin("telegram", "111", new ChatUser("111", "alice"), true, false);
        RecordingResponder small = new RecordingResponder();
        router.onText(privateChat, "/read", null, List.of(file(1000)), Optional.empty(), small);
        assertTrue(small.awaitCompleted(10));
        assertEquals("1000 bytes", small.lastText());
        RecordingResponder big = new RecordingResponder();
        router.onText(privateChat, "/read", null, List.of(file(1001)), Optional.empty(), big);
        assertTrue(big.awaitCompleted(10));
        assertEquals("ERROR: That file is too large for me (the limit is 1000 bytes).", big.lastText());
        RecordingResponder slash = new RecordingResponder();
        router.onCommand(privateChat, "read", Map.of("file", file(5000)), List.of(), Optional.empty(), slash);
        assertTrue(slash.awaitCompleted(10));
        assertEquals("ERROR: That file is too large for me (the limit is 1000 bytes).", slash.lastText());
    }

    /** A responder whose every send takes as long as Telegram's flood control makes it. */
    private static final class SlowResponder extends RecordingResponder {
        @Override
        public void send(Reply reply) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.send(reply);
        }
    }

    @Test
    void aFloodIsRefusedWithoutBlockingTheCallerAndWithOneSlowDown() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("ping", "Ping").build(), ctx -> ctx.reply("pong"))),
                2, 4, 2, Duration.ofSeconds(10));
        List<RecordingResponder> responders = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            RecordingResponder r = new SlowResponder();
            responders.add(r);
            router.onText(ALICE_IN_GROUP, "/ping", "AcgBot", List.of(), Optional.empty(), r);
        }
        long callerMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(callerMillis < 1_000, "the adapter's thread waited " + callerMillis + " ms for sends");
        for (RecordingResponder r : responders) {
            assertTrue(r.awaitCompleted(15), "every command completes");
        }
        long slowDowns = responders.stream().filter(r -> !r.replies.isEmpty() && r.lastText().contains("Slow down")).count();
        long pongs = responders.stream().filter(r -> !r.replies.isEmpty() && r.lastText().equals("pong")).count();
        assertEquals(2, pongs);
        assertEquals(1, slowDowns, "38 refusals coalesced into one message");
    }

    @Test
    void aCommandRefusedByTheChatLimitCostsTheUserNoToken() throws Exception {
        executor = new CommandExecutor(2, 4);
        CommandRegistry registry = registry(BotCommand.of(CommandSpec.builder("ping", "Ping").build(), ctx -> ctx.reply("pong")));
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        RateLimiter perChat = new RateLimiter(1, 60, now::get); // a token a second; a user's comes once a minute
        Router router = new Router(registry, new Permissions(Map.of()), new RateLimiter(1, 1, now::get), perChat,
                true, executor, Duration.ofSeconds(10), Long.MAX_VALUE);
        MessageOrigin bob = new MessageOrigin("telegram", "group-1", new ChatUser("222", "bob"), false, false);
        assertEquals("pong", send(router, bob, "/ping").lastText(), "bob takes the chat's only token");
        assertTrue(send(router, ALICE_IN_GROUP, "/ping").lastText().contains("Slow down"), "the chat is out of tokens");
        now.addAndGet(Duration.ofSeconds(1).toNanos()); // the chat has a token again; alice's own was never spent
        assertEquals("pong", send(router, ALICE_IN_GROUP, "/ping").lastText());
    }

    @Test
    void fourStuckCommandsDoNotMakeSixteenLaterPingsWait() throws Exception {
        executor = new CommandExecutor(4, 16, Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        CommandRegistry registry = registry(
                BotCommand.of(CommandSpec.builder("stuck", "Stuck").build(), ctx -> release.await()),
                BotCommand.of(CommandSpec.builder("ping", "Ping").build(), ctx -> ctx.reply("pong")));
        Router router = new Router(registry, new Permissions(Map.of()), new RateLimiter(100, 100), new RateLimiter(100, 100),
                true, executor, Duration.ofSeconds(30), Long.MAX_VALUE);
        try {
            for (int i = 0; i < 4; i++) {
                router.onText(ALICE_IN_GROUP, "/stuck", "AcgBot", List.of(), Optional.empty(), new RecordingResponder());
            }
            long start = System.nanoTime();
            List<RecordingResponder> pings = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RecordingResponder r = new RecordingResponder();
                pings.add(r);
                router.onText(new MessageOrigin("telegram", "group-1", new ChatUser("u" + i, "user " + i), false, false),
                        "/ping", "AcgBot", List.of(), Optional.empty(), r);
            }
            for (RecordingResponder r : pings) {
                assertTrue(r.awaitCompleted(5), "a queued command is answered by its queue deadline");
                assertEquals("ERROR: I'm busy right now. Please try again in a moment.", r.lastText());
            }
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited < 2_000, "queued commands waited " + waited + " ms");
            assertEquals(0, router.metrics().queueDepth(), "expired commands leave the queue");
            assertEquals(16, router.metrics().rejectedBusy());
        } finally {
            release.countDown();
        }
    }

    @Test
    void interruptedIoAtTheDeadlineIsATimeoutNotAnError() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger routerLogger = (Logger) LoggerFactory.getLogger(Router.class);
        routerLogger.addAppender(log);
        ch.qos.logback.classic.Level previous = routerLogger.getLevel();
        routerLogger.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            Router router = router(registry(BotCommand.of(CommandSpec.builder("fetch", "Fetch").build(), ctx -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    // what a socket or a channel read reports when its thread is interrupted
                    throw new java.io.UncheckedIOException(new java.nio.channels.ClosedByInterruptException());
                }
            }).withTimeout(Duration.ofMillis(200))));
            RecordingResponder r = send(router, ALICE_IN_GROUP, "/fetch");
            assertTrue(r.lastText().contains("took too long"), r.lastText());
            Thread.sleep(300);
            List<ILoggingEvent> errors = log.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR).toList();
            assertTrue(errors.isEmpty(), errors.toString());
            assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("stopped at its deadline")), log.list.toString());
            assertEquals(1, r.replies.size(), r.replies.toString());
        } finally {
            routerLogger.setLevel(previous);
            routerLogger.detachAppender(log);
        }
    }

    @Test
    void aFailedDownloadAsksTheUserToTryAgain() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("tag", "Tag").build(), ctx -> {
            throw new java.io.UncheckedIOException(new dev.acgbot.api.command.AttachmentDownloadException("cat.png", "HTTP 502",
                    new java.io.IOException("HTTP 502")));
        })));
        Reply.Error error = assertInstanceOf(Reply.Error.class, send(router, ALICE_IN_GROUP, "/tag").replies.get(0));
        assertEquals("I couldn't download cat.png just now. Please try again in a moment.", error.message());
    }

    @Test
    void aTooLargeFileNamesALimitUnderOneMegabyteInKilobytes() throws Exception {
        Router router = router(registry(BotCommand.of(CommandSpec.builder("tag", "Tag").build(), ctx -> {
            throw new dev.acgbot.api.command.AttachmentTooLargeException("cat.png", 512 * 1024);
        })));
        assertEquals("ERROR: That file is too large for me (the limit is 512 KB).", send(router, ALICE_IN_GROUP, "/tag").lastText());
    }

    @Test
    void aDisplayNameWithALineBreakCannotForgeAnAuditLine() throws Exception {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger auditLogger = (Logger) LoggerFactory.getLogger("acgbot.audit");
        auditLogger.addAppender(audit);
        try {
            Router router = router(registry(BotCommand.of(CommandSpec.builder("reindex", "Reindex").adminOnly().build(), ctx -> ctx.reply("x"))));
            MessageOrigin forger = new MessageOrigin("telegram", "group-1",
                    new ChatUser("111", "eve\nINFO acgbot.audit - admin command /reindex by telegram:999 (root) allowed"), false, false);
            send(router, forger, "/reindex");
            String line = audit.list.get(0).getFormattedMessage();
            assertFalse(line.contains("\n"), line);
            assertTrue(line.contains("(eve\\nINFO acgbot.audit"), line);
        } finally {
            auditLogger.detachAppender(audit);
        }
    }
}
