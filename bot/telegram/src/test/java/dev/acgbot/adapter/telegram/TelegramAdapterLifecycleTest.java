package dev.acgbot.adapter.telegram;

import dev.acgbot.api.adapter.AdapterStartException;
import dev.acgbot.testkit.ThreadLeaks;

import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.reply.Responder;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramAdapterLifecycleTest {
    private static final String TOKEN = "987654:SECRETsecretSECRET_secret-123";
    /** Process-wide OkHttp/Okio daemons: shared by every client, they idle out on their own. */
    private static final Set<String> SHARED_DAEMONS = Set.of("OkHttp TaskRunner", "Okio Watchdog");

    private static final InboundSink IGNORING_SINK = new InboundSink() {
        @Override
        public boolean onText(MessageOrigin origin, String text, String botUsername, List<Attachment> attachments,
                              Optional<RepliedMessage> repliedTo, Responder responder) {
            return false;
        }

        @Override
        public void onCommand(MessageOrigin origin, String command, Map<String, Object> options, List<Attachment> attachments,
                              Optional<RepliedMessage> repliedTo, Responder responder) {
        }
    };

    @Test
    void closeStopsPollingMidLongPollAndLeavesNoThreadBehind() throws Exception {
        try (FakeTelegramServer telegram = new FakeTelegramServer(TOKEN)) {
            telegram.holdPollsFor(Duration.ofSeconds(30));
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            TelegramAdapter adapter = new TelegramAdapter(settings(telegram.baseUrl()));
            adapter.start(IGNORING_SINK, List.of());
            assertEquals(FakeTelegramServer.BOT_USERNAME, adapter.botUsername());
            long deadline = System.currentTimeMillis() + 5_000;
            while (telegram.getUpdatesCalls() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(telegram.getUpdatesCalls() > 0, "polling started");

            long closing = System.nanoTime();
            adapter.close();
            long closeMillis = (System.nanoTime() - closing) / 1_000_000;
            assertTrue(closeMillis < 5_000, "close() waited " + closeMillis + " ms for a held long poll");

            assertNoThreadLeft(before);
        }
    }

    @Test
    void rejectedTokenFailsStartWithAClearMessageWithoutTheToken() throws Exception {
        try (FakeTelegramServer telegram = new FakeTelegramServer("111:someone-elses-token")) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            TelegramAdapter adapter = new TelegramAdapter(settings(telegram.baseUrl()));
            TelegramStartException e = assertThrows(TelegramStartException.class, () -> adapter.start(IGNORING_SINK, List.of()));
            assertTrue(e.getMessage().contains("rejected the bot token"), e.getMessage());
            assertEquals(AdapterStartException.Reason.TOKEN_REFUSED, e.reason(), "a refused token is not retried");
            assertTokenAbsent(e.getMessage());
            adapter.close();
            assertNoThreadLeft(before);
        }
    }

    @Test
    void unreachableApiFailsStartWithAClearMessageWithoutTheToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TelegramAdapter adapter = new TelegramAdapter(settings("http://127.0.0.1:" + closedPort));
        TelegramStartException e = assertThrows(TelegramStartException.class, () -> adapter.start(IGNORING_SINK, List.of()));
        assertTrue(e.getMessage().contains("could not start against http://127.0.0.1:" + closedPort), e.getMessage());
        assertEquals(AdapterStartException.Reason.UNREACHABLE, e.reason(), "a network failure is retried");
        assertTokenAbsent(e.getMessage());
        adapter.close();
        assertNoThreadLeft(before);
    }

    private static TelegramSettings settings(String baseUrl) {
        return new TelegramSettings(TOKEN, URI.create(baseUrl), Duration.ofSeconds(25),
                TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(5), false);
    }

    private static void assertTokenAbsent(String message) {
        assertFalse(message.contains(TOKEN), message);
        assertFalse(message.contains(TOKEN.substring(TOKEN.indexOf(':') + 1)), message);
    }

    private static void assertNoThreadLeft(Set<Thread> before) throws InterruptedException {
        ThreadLeaks.assertNoneLeftSince(before, Duration.ofSeconds(3), t -> t.getName().startsWith("fake-telegram")
                || SHARED_DAEMONS.contains(t.getName()) || t.getName().startsWith("ForkJoinPool"));
    }
}
