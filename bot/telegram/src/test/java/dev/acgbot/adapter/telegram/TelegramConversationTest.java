package dev.acgbot.adapter.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.adapter.telegram.fake.Updates.Chat;
import dev.acgbot.adapter.telegram.fake.Updates.User;
import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scripted conversation through the real telegrambots client and the real core against a fake Bot API on
 * 127.0.0.1, checked request by request.
 */
class TelegramConversationTest {
    private static final String TOKEN = "123456:TEST-token_abcdefghijklmnopqrstuv";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Chat GROUP = new Chat(-100123);
    private static final User ALICE = new User(555, "Alice");
    private static final User ADMIN = new User(777, "Admin");
    private static final byte[] PHOTO = TestImages.png(64, 48, Color.PINK);

    private FakeTelegramServer telegram;
    private BotRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegramServer(TOKEN);
        telegram.addFile("p1-x", "p1-ux", PHOTO, PHOTO.length);
        BotConfig config = BotConfig.parse("""
                admins:
                  telegram: ["777"]
                limits:
                  per_user: {capacity: 50, refill_per_minute: 600}
                  per_chat: {capacity: 50, refill_per_minute: 600}
                """);
        TelegramAdapter adapter = new TelegramAdapter(new TelegramSettings(TOKEN, java.net.URI.create(telegram.baseUrl()),
                Duration.ofSeconds(5), TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(5), true));
        runtime = BotRuntime.start(config, List.of(new ConversationPlugin()), List.of(adapter));
        assertTrue(runtime.adapterStates().get(0).running(), () -> "adapter did not start: " + runtime.adapterStates());
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        telegram.close();
    }

    @Test
    void aUserWhoseAppIsInChineseIsAnsweredInChinese() throws Exception {
        while (!telegram.next(WAIT).method().equals("deleteWebhook")) {
            // getMe and the menus come first
        }
        telegram.push(Updates.text(1, 31, new Chat(888), new User(888, "Mei", "zh-hans"), "/nosuch"));
        ApiCall answer = telegram.next(WAIT);
        assertEquals("sendMessage", answer.method());
        assertTrue(answer.param("text").contains("我不认识 /nosuch。发送 /help 看看我能做什么。"), answer.param("text"));
    }

    @Test
    void scriptedConversationIsAnsweredRequestByRequest() throws Exception {
        // start: who am I, the menu, then polling
        assertEquals("getMe", telegram.next(WAIT).method());
        ApiCall menu = telegram.next(WAIT);
        assertEquals("setMyCommands", menu.method());
        List<String> menuNames = new ArrayList<>();
        menu.params().get("commands").forEach(c -> menuNames.add(c.get("command").asText()));
        assertTrue(menuNames.containsAll(List.of("tag", "similar", "search", "help")), menuNames::toString);
        assertFalse(menuNames.contains("reindex"), "admin-only commands stay out of the public menu");
        assertEquals(null, menu.param("language_code"), "the first menu is the default one");
        // then the same menu in Chinese, for users whose app is set to Chinese
        ApiCall zhMenu = telegram.next(WAIT);
        assertEquals("setMyCommands", zhMenu.method());
        assertEquals("zh", zhMenu.param("language_code"));
        Map<String, String> zh = new java.util.LinkedHashMap<>();
        zhMenu.params().get("commands").forEach(c -> zh.put(c.get("command").asText(), c.get("description").asText()));
        assertEquals(menuNames, List.copyOf(zh.keySet()));
        assertEquals("列出你可以用的命令，或说明某个命令：/help tag", zh.get("help"));
        // and in Japanese
        ApiCall jaMenu = telegram.next(WAIT);
        assertEquals("setMyCommands", jaMenu.method());
        assertEquals("ja", jaMenu.param("language_code"));
        Map<String, String> ja = new java.util.LinkedHashMap<>();
        jaMenu.params().get("commands").forEach(c -> ja.put(c.get("command").asText(), c.get("description").asText()));
        assertEquals(menuNames, List.copyOf(ja.keySet()));
        assertEquals("使えるコマンドの一覧、またはひとつのコマンドの説明：/help tag", ja.get("help"));
        assertEquals("deleteWebhook", telegram.next(WAIT).method());

        // 1. a photo with the caption /tag in a group: the largest size is fetched, tags come back escaped
        telegram.push(Updates.photo(1, 11, GROUP, ALICE, "/tag", "p1"));
        ApiCall getFile = telegram.next(WAIT);
        assertEquals("getFile", getFile.method());
        assertEquals("p1-x", getFile.param("file_id"), "the largest photo size is the one read");
        ApiCall tags = telegram.next(WAIT);
        assertEquals("sendMessage", tags.method());
        assertEquals("-100123", tags.param("chat_id"));
        assertTrue("html".equalsIgnoreCase(tags.param("parse_mode")), tags.param("parse_mode"));
        assertEquals(11, tags.params().get("reply_parameters").get("message_id").asInt());
        assertEquals("<b>Tags</b> for photo_11.jpg (" + PHOTO.length + " bytes): <code>:d</code> <code>^_^</code> "
                + "<code>&lt;3</code> <code>black&amp;white</code>", tags.param("text"));
        assertEquals(1, telegram.downloads());

        // 2. a reply to that photo: addressed to another bot (ignored), then to this one
        telegram.push(Updates.replyToPhoto(2, 12, GROUP, ALICE, "/similar@other_bot", 11, ALICE, "p1"));
        telegram.push(Updates.replyToPhoto(3, 13, GROUP, ALICE, "/similar@" + FakeTelegramServer.BOT_USERNAME, 11, ALICE, "p1"));
        assertEquals("p1-x", telegram.next(WAIT).param("file_id"));
        ApiCall album = telegram.next(WAIT);
        assertEquals("sendMediaGroup", album.method());
        assertEquals(13, album.params().get("reply_parameters").get("message_id").asInt(), "answers the addressed command");
        JsonNode media = album.params().get("media");
        assertEquals(3, media.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("photo", media.get(i).get("type").asText());
            assertEquals("similar #" + (i + 1) + " <b>0.9" + (i + 1) + "</b>", media.get(i).get("caption").asText());
            String attachName = media.get(i).get("media").asText();
            assertTrue(attachName.startsWith("attach://"), attachName);
            ApiCall.Upload upload = album.files().get(attachName.substring("attach://".length()));
            assertArrayEquals(ConversationPlugin.result(i), upload.bytes());
        }

        // 3. /search 樱花 in a private chat, the first send answered with flood control
        telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
        telegram.push(Updates.text(4, 14, new Chat(555), ALICE, "/search 樱花"));
        ApiCall limited = telegram.next(WAIT);
        assertEquals("sendMessage", limited.method());
        assertEquals(429, limited.answeredWith());
        ApiCall retried = telegram.next(WAIT);
        assertEquals("sendMessage", retried.method());
        assertEquals(200, retried.answeredWith());
        assertEquals(limited.param("text"), retried.param("text"));
        assertEquals("12 results for <b>樱花</b>", retried.param("text"));
        long waitedMillis = (retried.atNanos() - limited.atNanos()) / 1_000_000;
        assertTrue(waitedMillis >= 900, "retried after " + waitedMillis + " ms, before retry_after");
        ApiCall first = telegram.next(WAIT);
        ApiCall second = telegram.next(WAIT);
        assertEquals(List.of("sendMediaGroup", "sendMediaGroup"), List.of(first.method(), second.method()));
        assertEquals(List.of(6, 6), List.of(first.params().get("media").size(), second.params().get("media").size()),
                "twelve images go as two balanced groups of at most ten");

        // 4. /reindex by a non-admin is refused
        telegram.push(Updates.text(5, 15, GROUP, ALICE, "/reindex"));
        ApiCall refused = telegram.next(WAIT);
        assertEquals("sendMessage", refused.method());
        assertEquals("⚠ /reindex is for the bot's admins only.", refused.param("text"));

        // 5. ... and run for an admin, its progress message edited in place
        telegram.push(Updates.text(6, 16, GROUP, ADMIN, "/reindex"));
        ApiCall progress = telegram.next(WAIT);
        assertEquals("sendMessage", progress.method());
        assertEquals("Reindexing…", progress.param("text"));
        ApiCall edit1 = telegram.next(WAIT);
        ApiCall edit2 = telegram.next(WAIT);
        assertEquals("editMessageText", edit1.method());
        assertEquals("editMessageText", edit2.method());
        assertEquals("Reindexing: 2 of 3", edit1.param("text"));
        assertEquals("Reindexing: 3 of 3", edit2.param("text"));
        assertEquals(edit1.param("message_id"), edit2.param("message_id"));
        ApiCall done = telegram.next(WAIT);
        assertEquals("sendMessage", done.method());
        assertEquals("Reindexed 3 images.", done.param("text"));

        assertNull(telegram.poll(Duration.ofMillis(300)), "nothing else was sent");
    }

    /** Small stand-ins for the real commands, enough to drive every kind of reply. */
    static final class ConversationPlugin implements Plugin {
        static byte[] result(int i) {
            return TestImages.png(8 + i, 8, new Color(10 * i, 100, 200));
        }

        @Override
        public String id() {
            return "conversation";
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(
                    BotCommand.of(CommandSpec.builder("tag", "Tag an image").attachment("image", "the image", false)
                            .usesRepliedImages().build(), this::tag),
                    BotCommand.of(CommandSpec.builder("similar", "Find similar images").attachment("image", "the image", false)
                            .usesRepliedImages().build(), this::similar),
                    BotCommand.of(CommandSpec.builder("search", "Search by text").text("query", "what to look for", true)
                            .build(), this::search),
                    BotCommand.of(CommandSpec.builder("reindex", "Rebuild the index").adminOnly().build(), this::reindex));
        }

        private Attachment image(CommandContext ctx) {
            List<Attachment> images = ctx.request().images();
            if (images.isEmpty()) {
                throw new UserFacingException("Send or reply to an image.");
            }
            return images.get(0);
        }

        private void tag(CommandContext ctx) throws Exception {
            Attachment image = image(ctx);
            byte[] bytes = image.read(10_000_000);
            ctx.reply(Reply.text(RichText.builder().bold("Tags").plain(" for " + image.fileName() + " (" + bytes.length
                    + " bytes): ").code(":d").plain(" ").code("^_^").plain(" ").code("<3").plain(" ").code("black&white").build()));
        }

        private void similar(CommandContext ctx) throws Exception {
            byte[] query = image(ctx).read(10_000_000);
            if (!Arrays.equals(query, PHOTO)) {
                throw new IllegalStateException("the replied-to photo did not arrive intact");
            }
            List<Reply.Image> items = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                items.add(new Reply.Image(ImageRef.of(result(i), "similar" + i + ".png"),
                        RichText.builder().plain("similar #" + (i + 1) + " ").bold("0.9" + (i + 1)).build()));
            }
            ctx.reply(new Reply.Album(RichText.plain(""), items));
        }

        private void search(CommandContext ctx) {
            String query = ctx.request().arguments().string("query").orElseThrow();
            List<Reply.Image> items = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                items.add(new Reply.Image(ImageRef.of(result(i), "hit" + i + ".png"), RichText.plain("hit " + i)));
            }
            ctx.reply(new Reply.Album(RichText.builder().plain("12 results for ").bold(query).build(), items));
        }

        private void reindex(CommandContext ctx) {
            ProgressMessage progress = ctx.responder().progress("Reindexing…");
            progress.update("Reindexing: 2 of 3");
            progress.update("Reindexing: 3 of 3");
            ctx.reply("Reindexed 3 images.");
        }
    }
}
