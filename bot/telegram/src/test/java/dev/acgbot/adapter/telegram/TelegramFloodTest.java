package dev.acgbot.adapter.telegram;

import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the real core and telegrambots client: one user's flood, answered under Telegram's flood control,
 * must not hold up another user's answer (it delayed it by 66.6 s when refusals were sent on the poller).
 */
class TelegramFloodTest {
    private static final String TOKEN = "111:flood-test-token";
    private static final Updates.Chat FLOODER_CHAT = new Updates.Chat(500);
    private static final Updates.User FLOODER = new Updates.User(500, "Flo");
    private static final Updates.Chat OTHER_CHAT = new Updates.Chat(600);
    private static final Updates.User OTHER = new Updates.User(600, "Ann");

    @Test
    void aFortyMessageFloodFromOneUserDelaysAnotherUsersReplyByUnderASecond() throws Exception {
        try (FakeTelegramServer server = new FakeTelegramServer(TOKEN)) {
            server.floodControl(FLOODER_CHAT.id(), 3, 1);
            TelegramSettings settings = new TelegramSettings(TOKEN, URI.create(server.baseUrl()), Duration.ofSeconds(5),
                    TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(1), false);
            try (BotRuntime runtime = BotRuntime.start(BotConfig.parse("{}"), List.of(), List.of(new TelegramAdapter(settings)))) {
                // a first answer warms the path up, so that the measurement below is of waiting, not of class loading
                server.push(Updates.text(1, 1, OTHER_CHAT, OTHER, "/ping"));
                ApiCall warm = server.next(Duration.ofSeconds(5));
                while (!warm.method().equals("sendMessage")) {
                    warm = server.next(Duration.ofSeconds(5));
                }
                for (int i = 0; i < 40; i++) {
                    server.push(Updates.text(2 + i, 10 + i, FLOODER_CHAT, FLOODER, "/ping"));
                }
                server.push(Updates.text(42, 60, OTHER_CHAT, OTHER, "/ping"));
                long pushed = System.nanoTime();

                List<ApiCall> toFlooder = new ArrayList<>();
                ApiCall answer = server.next(Duration.ofSeconds(5));
                while (answer.params().path("chat_id").asLong() != OTHER_CHAT.id()) {
                    toFlooder.add(answer);
                    answer = server.next(Duration.ofSeconds(5));
                }
                long delayMillis = (answer.atNanos() - pushed) / 1_000_000;
                assertEquals("sendMessage", answer.method());
                assertTrue(answer.param("text").toLowerCase().contains("pong"), answer.param("text"));
                assertTrue(delayMillis < 1_000, "the other user waited " + delayMillis + " ms, behind " + toFlooder.size() + " sends to the flooder");

                // the flooder: 5 commands ran (the per-user burst), 35 refusals went out as one "slow down"
                Thread.sleep(3_000);
                ApiCall more;
                while ((more = server.poll(Duration.ofMillis(200))) != null) {
                    toFlooder.add(more);
                }
                long slowDowns = toFlooder.stream().filter(c -> c.param("text") != null && c.param("text").contains("Slow down")).map(c -> c.params().path("reply_parameters").toString()).distinct().count();
                assertEquals(1, slowDowns, toFlooder.toString());
            }
        }
    }
}
