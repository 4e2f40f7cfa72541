package dev.acgbot.adapter.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.adapter.telegram.fake.Updates.Chat;
import dev.acgbot.adapter.telegram.fake.Updates.User;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.commands.internal.GalleryImages;
import dev.acgbot.commands.safety.ChatModes;
import dev.acgbot.commands.safety.SafetyPolicy;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.rating.ContentRating;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
                List.of(new GalleryScriptPlugin(dir.resolve("gallery"), policy)), List.of(adapter));
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

    /** /search and a single-image command as the vision plugin answers: rated gallery images screened by the real policy. */
    static final class GalleryScriptPlugin implements Plugin {
        private final Path root;
        private final SafetyPolicy policy;

        GalleryScriptPlugin(Path root, SafetyPolicy policy) {
            this.root = root;
            this.policy = policy;
        }

        @Override
        public String id() {
            return "gallery-script";
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(
                    BotCommand.of(CommandSpec.builder("search", "Search by text").text("query", "what", true).build(), this::search),
                    BotCommand.of(CommandSpec.builder("explicit", "One explicit image").build(), this::one));
        }

        private void search(CommandContext ctx) throws Exception {
            List<SafetyPolicy.Rated> items = List.of(rated("safe.png", SAFE, ContentRating.SAFE),
                    rated("explicit.png", EXPLICIT, ContentRating.EXPLICIT));
            SafetyPolicy.Screened screened = policy.screen(ctx.request(), items);
            String header = items.size() + " results" + screened.notice().map(n -> ", " + n).orElse("");
            ctx.reply(screened.shown().isEmpty() ? Reply.text(header) : new Reply.Album(RichText.plain(header), screened.shown()));
        }

        private void one(CommandContext ctx) throws Exception {
            SafetyPolicy.Screened screened = policy.screen(ctx.request(), List.of(rated("explicit.png", EXPLICIT, ContentRating.EXPLICIT)));
            ctx.reply(screened.shown().isEmpty() ? Reply.text(screened.notice().orElseThrow()) : screened.shown().get(0));
        }

        private SafetyPolicy.Rated rated(String name, byte[] bytes, ContentRating rating) throws Exception {
            Path file = Files.createDirectories(root).resolve(name);
            Files.write(file, bytes);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            GalleryEntry entry = new GalleryEntry(sha, List.of(file), bytes.length, Instant.EPOCH, 16, 16, Optional.empty(),
                    0, 0, Map.of(), "tagger", Map.of(), rating);
            return new SafetyPolicy.Rated(new Reply.Image(GalleryImages.ref(entry, List.of(root)), RichText.plain("")), rating);
        }
    }
}
