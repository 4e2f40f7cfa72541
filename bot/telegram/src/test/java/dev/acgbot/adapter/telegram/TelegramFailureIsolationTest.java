package dev.acgbot.adapter.telegram;

import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.core.AdapterState;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through the real core: an adapter whose token is refused is reported, and the other one keeps serving. */
class TelegramFailureIsolationTest {
    private static final String GOOD = "111:good-token";
    private static final String BAD = "222:revoked-token-value";

    @Test
    void aRefusedTokenIsReportedWithoutTheTokenAndTheOtherAdapterKeepsAnswering() throws Exception {
        try (FakeTelegramServer working = new FakeTelegramServer(GOOD); FakeTelegramServer refusing = new FakeTelegramServer("333:x")) {
            TelegramAdapter broken = new TelegramAdapter(settings(BAD, refusing));
            TelegramAdapter healthy = new TelegramAdapter(settings(GOOD, working));
            try (BotRuntime runtime = BotRuntime.start(BotConfig.parse("{}"), List.of(), List.of(broken, healthy))) {
                List<AdapterState> states = runtime.adapterStates();
                assertEquals(2, states.size());
                AdapterState failed = states.get(0);
                assertFalse(failed.running());
                assertTrue(failed.problem().contains("rejected the bot token"), failed.problem());
                assertFalse(failed.problem().contains("revoked-token-value"), failed.problem());
                assertTrue(states.get(1).running());

                assertEquals("getMe", working.next(Duration.ofSeconds(5)).method());
                working.push(Updates.text(1, 5, new Updates.Chat(42), new Updates.User(42, "Ann"), "/ping"));
                ApiCall answer = working.next(Duration.ofSeconds(5));
                while (!answer.method().equals("sendMessage")) {
                    answer = working.next(Duration.ofSeconds(5));
                }
                assertTrue(answer.param("text").toLowerCase().contains("pong"), answer.param("text"));
            }
        }
    }

    private static TelegramSettings settings(String token, FakeTelegramServer server) {
        return new TelegramSettings(token, URI.create(server.baseUrl()), Duration.ofSeconds(5),
                TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(1), false);
    }
}
