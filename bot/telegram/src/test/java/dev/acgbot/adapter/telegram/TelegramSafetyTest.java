package dev.acgbot.adapter.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.adapter.telegram.fake.Updates.Chat;
import dev.acgbot.adapter.telegram.fake.Updates.User;
import dev.acgbot.commands.safety.ChatModes;
import dev.acgbot.commands.safety.SafetyPolicy;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.testkit.RatedGalleryPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An explicit gallery image through the real telegrambots client against the fake Bot API: the vision plugin's
 * policy puts it behind a spoiler in a group and leaves it plain in a private chat; the adapter renders
 * {@code has_spoiler}.
 */
class TelegramSafetyTest {
    private static final String TOKEN = "24680:safety-TOKEN_abcdefghijklmnopqrst";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Chat GROUP = new Chat(-100777);
    private static final Chat PRIVATE = new Chat(555);
    private static final User ALICE = new User(555, "Alice");
    static final byte[] SAFE = TestImages.png(16, 16, Color.WHITE);
    static final byte[] EXPLICIT = TestImages.png(16, 16, Color.RED);

    @TempDir
    Path dir;
    private FakeTelegramServer telegram;
    private BotRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegramServer(TOKEN);
        TelegramAdapter adapter = new TelegramAdapter(new TelegramSettings(TOKEN, URI.create(telegram.baseUrl()),
                Duration.ofSeconds(5), TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(5), true));
        SafetyPolicy policy = new SafetyPolicy(SafetySettings.DEFAULTS, ChatModes.load(dir.resolve("modes.properties")));
        runtime = BotRuntime.start(BotConfig.parse("limits: {per_user: {capacity: 50, refill_per_minute: 600}}"),
                List.of(gallery(dir.resolve("gallery"), policy)), List.of(adapter));
        assertEquals("getMe", telegram.next(WAIT).method());
        // one command menu per language (setMyCommands), then polling starts
        while (!telegram.next(WAIT).method().equals("deleteWebhook")) {
            // the menus are tested in TelegramConversationTest
        }
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        telegram.close();
    }

    /** The uploaded bytes of album item {@code i} and whether Telegram was asked to hide it. */
    private static byte[] upload(ApiCall album, int i) {
        String attach = album.params().get("media").get(i).get("media").asText();
        return album.files().get(attach.substring("attach://".length())).bytes();
    }

    private static boolean spoiler(JsonNode media) {
        return media.path("has_spoiler").asBoolean(false);
    }

    @Test
    void inAGroupTheExplicitImageIsSentBehindASpoiler() throws Exception {
        telegram.push(Updates.text(1, 11, GROUP, ALICE, "/search art"));
        assertEquals("2 results", telegram.next(WAIT).param("text"), "the header, with nothing hidden");
        ApiCall album = telegram.next(WAIT);
        assertEquals("sendMediaGroup", album.method());
        JsonNode media = album.params().get("media");
        assertEquals(2, media.size());
        assertArrayEquals(SAFE, upload(album, 0));
        assertFalse(spoiler(media.get(0)), media.toString());
        assertArrayEquals(EXPLICIT, upload(album, 1));
        assertEquals(true, spoiler(media.get(1)), media.toString());

        telegram.push(Updates.text(2, 12, GROUP, ALICE, "/explicit"));
        ApiCall photo = telegram.next(WAIT);
        assertEquals("sendPhoto", photo.method());
        assertEquals("true", photo.param("has_spoiler"));
        assertArrayEquals(EXPLICIT, photo.files().values().iterator().next().bytes());
        assertNull(telegram.poll(Duration.ofMillis(300)), "nothing else was sent");
    }

    @Test
    void inAPrivateChatItIsSentPlainly() throws Exception {
        telegram.push(Updates.text(1, 11, PRIVATE, ALICE, "/search art"));
        assertEquals("2 results", telegram.next(WAIT).param("text"));
        ApiCall album = telegram.next(WAIT);
        JsonNode media = album.params().get("media");
        assertArrayEquals(EXPLICIT, upload(album, 1));
        assertFalse(spoiler(media.get(0)) || spoiler(media.get(1)), media.toString());

        telegram.push(Updates.text(2, 12, PRIVATE, ALICE, "/explicit"));
        ApiCall photo = telegram.next(WAIT);
        assertEquals("sendPhoto", photo.method());
        assertNull(photo.param("has_spoiler"));
    }

    /** The vision plugin's policy as the test kit's gallery script screens with it. */
    static RatedGalleryPlugin gallery(Path root, SafetyPolicy policy) {
        return new RatedGalleryPlugin(root, SAFE, EXPLICIT, (request, items) -> {
            SafetyPolicy.Screened s = policy.screen(request, items.stream().map(i -> new SafetyPolicy.Rated(i.image(),
                    i.explicit() ? ContentRating.EXPLICIT : ContentRating.SAFE)).toList());
            return new RatedGalleryPlugin.Screened(s.shown(), s.notice());
        });
    }
}
