package dev.acgbot.adapter.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.adapter.telegram.fake.Updates.Chat;
import dev.acgbot.adapter.telegram.fake.Updates.User;
import dev.acgbot.adapter.telegram.internal.FileIdStore;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.inline.InlineAnswer;
import dev.acgbot.api.inline.InlineHandler;
import dev.acgbot.api.inline.InlineQuery;
import dev.acgbot.api.inline.InlineResult;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inline mode through the real telegrambots client against the fake Bot API: inline_query updates in,
 * answerInlineQuery out, with the file ids of images sent before, uploads to the storage chat for the others,
 * pages, the core's rate limit and the safety rule for the chat kind.
 */
class TelegramInlineTest {
    private static final String TOKEN = "13579:inline-TOKEN_abcdefghijklmnopqrst";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String STORAGE = "-100999";
    private static final Chat ALICE_CHAT = new Chat(555);
    private static final User ALICE = new User(555, "Alice", "en");
    private static final User BOB = new User(556, "Bob", "zh-hans");
    /** The gallery: 25 images, the second explicit. */
    private static final int IMAGES = 25;
    private static final int EXPLICIT = 1;

    @TempDir
    Path dir;
    private FakeTelegramServer telegram;
    private BotRuntime runtime;
    private List<Reply.Image> gallery;
    private List<String> shas;

    @BeforeEach
    void gallery() throws Exception {
        telegram = new FakeTelegramServer(TOKEN);
        gallery = new ArrayList<>();
        shas = new ArrayList<>();
        Path root = Files.createDirectories(dir.resolve("gallery"));
        for (int i = 0; i < IMAGES; i++) {
            byte[] bytes = TestImages.png(8 + i, 8, new Color(i * 10, 255 - i * 10, 128));
            Path file = root.resolve("img" + i + ".png");
            Files.write(file, bytes);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            GalleryEntry entry = new GalleryEntry(sha, List.of(file), bytes.length, Instant.EPOCH, 8 + i, 8, Optional.empty(),
                    0, 0, Map.of(), "tagger", Map.of(), i == EXPLICIT ? ContentRating.EXPLICIT : ContentRating.SAFE);
            gallery.add(new Reply.Image(GalleryImages.ref(entry, List.of(root)), RichText.plain("")));
            shas.add(sha);
        }
    }

    private void start(String storageChat, String limits) throws Exception {
        TelegramSettings settings = new TelegramSettings(TOKEN, URI.create(telegram.baseUrl()), Duration.ofSeconds(5),
                TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(5), false).withStorageChat(storageChat);
        TelegramAdapter adapter = new TelegramAdapter(settings, Optional.of(dir.resolve("adapter")));
        SafetyPolicy policy = new SafetyPolicy(SafetySettings.DEFAULTS, ChatModes.load(dir.resolve("modes.properties")));
        runtime = BotRuntime.start(BotConfig.parse("limits: " + limits), List.of(new InlineScriptPlugin(policy)), List.of(adapter));
        assertEquals("getMe", telegram.next(WAIT).method());
        assertEquals("deleteWebhook", telegram.next(WAIT).method());
    }

    private void start(String storageChat) throws Exception {
        start(storageChat, "{per_user: {capacity: 50, refill_per_minute: 600}}");
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        telegram.close();
    }

    /** The uploads to the storage chat before the answer, and the answer. */
    private record Round(List<ApiCall> uploads, ApiCall answer) {
        List<String> fileIds() {
            List<String> ids = new ArrayList<>();
            answer.params().get("results").forEach(r -> ids.add(r.path("photo_file_id").asText()));
            return ids;
        }

        List<String> resultIds() {
            List<String> ids = new ArrayList<>();
            answer.params().get("results").forEach(r -> ids.add(r.path("id").asText()));
            return ids;
        }

        String button() {
            JsonNode button = answer.params().get("button");
            return button == null ? null : button.path("text").asText();
        }
    }

    private Round inline(int updateId, User user, String text, String offset, String chatType) throws Exception {
        String queryId = "q" + updateId;
        telegram.push(Updates.inlineQuery(updateId, queryId, user, text, offset, chatType));
        List<ApiCall> uploads = new ArrayList<>();
        while (true) {
            ApiCall call = telegram.next(WAIT);
            if (call.method().equals("answerInlineQuery")) {
                assertEquals(queryId, call.param("inline_query_id"));
                return new Round(uploads, call);
            }
            uploads.add(call);
        }
    }

    private List<String> shas(int from, int to, boolean withExplicit) {
        return IntStream.range(0, IMAGES).filter(i -> withExplicit || i != EXPLICIT).mapToObj(shas::get).toList()
                .subList(from, to);
    }

    @Test
    void imagesSentByASearchReplyAreShownByTheirFileIdAndTheRestNamedOnTheButton() throws Exception {
        start("");
        telegram.push(Updates.text(1, 11, ALICE_CHAT, ALICE, "/search"));
        ApiCall album = telegram.next(WAIT);
        assertEquals("sendMediaGroup", album.method());
        // the responder keeps the ids once Telegram's answer is back: the fake recorded the call before answering
        Path ids = dir.resolve("adapter").resolve(FileIdStore.FILE_NAME);
        long until = System.nanoTime() + WAIT.toNanos();
        while ((!Files.exists(ids) || Files.readAllLines(ids).size() < 3) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(List.of(shas.get(0) + "\tPHOTO\tphoto-1001", shas.get(1) + "\tPHOTO\tphoto-1002",
                shas.get(2) + "\tPHOTO\tphoto-1003"), Files.readAllLines(ids));
        assertEquals(3, album.params().get("media").size());

        Round round = inline(2, ALICE, "art", "", "sender");
        assertEquals(List.of(), round.uploads(), "no storage chat: nothing is uploaded");
        // the fake answers the album with messages 1001..1003, each photo's larger rendition being photo-<id>
        assertEquals(List.of("photo-1001", "photo-1002", "photo-1003"), round.fileIds());
        assertEquals(shas(0, 3, true), round.resultIds());
        assertEquals("7 more images: /search in a chat with me first", round.button());
        assertEquals("search", round.answer().params().get("button").path("start_parameter").asText());
        assertEquals("0", round.answer().param("cache_time"), "a partial answer is not cached");
        assertEquals("true", round.answer().param("is_personal"));
        assertEquals("10", round.answer().param("next_offset"));
        JsonNode first = round.answer().params().get("results").get(0);
        assertEquals("photo", first.path("type").asText());
        assertEquals("art · #1", first.path("caption").asText());

        Round chinese = inline(3, BOB, "art", "", "sender");
        assertEquals("还有 7 张图片：请先在与我的私聊中 /search", chinese.button(), "the button speaks the user's language");
    }

    @Test
    void withAStorageChatMissingImagesAreUploadedOnceAndTheirIdsKeptAcrossARestart() throws Exception {
        start(STORAGE);
        Round first = inline(1, ALICE, "art", "", "sender");
        assertEquals(10, first.uploads().size());
        for (ApiCall upload : first.uploads()) {
            assertEquals("sendPhoto", upload.method());
            assertEquals(STORAGE, upload.param("chat_id"));
            assertEquals("true", upload.param("disable_notification"));
        }
        assertEquals(shas(0, 10, true), first.resultIds());
        assertEquals(10, first.fileIds().stream().filter(id -> id.startsWith("photo-")).distinct().count());
        assertNull(first.button());

        Round again = inline(2, ALICE, "art", "", "sender");
        assertEquals(List.of(), again.uploads(), "every image of the page has its id now");
        assertEquals(first.fileIds(), again.fileIds());

        runtime.close();
        runtime = null;
        telegram.close();
        telegram = new FakeTelegramServer(TOKEN);
        start(STORAGE);
        Round afterRestart = inline(3, ALICE, "art", "", "sender");
        assertEquals(List.of(), afterRestart.uploads(), "the ids were kept in " + FileIdStore.FILE_NAME);
        assertEquals(first.fileIds(), afterRestart.fileIds());
    }

    @Test
    void pagesFollowTheOffsetTelegramSendsBack() throws Exception {
        start(STORAGE);
        Round one = inline(1, ALICE, "art", "", "sender");
        Round two = inline(2, ALICE, "art", one.answer().param("next_offset"), "sender");
        Round three = inline(3, ALICE, "art", two.answer().param("next_offset"), "sender");
        assertEquals(List.of("10", "20", ""), List.of(one.answer().param("next_offset"), two.answer().param("next_offset"),
                three.answer().param("next_offset")));
        assertEquals(shas(0, 10, true), one.resultIds());
        assertEquals(shas(10, 20, true), two.resultIds());
        assertEquals(shas(20, 25, true), three.resultIds());
        assertEquals(5, three.uploads().size(), "each page uploads only its own images");
    }

    @Test
    void aUserOverTheLimitGetsAnEmptyAnswerWhileOthersAreServed() throws Exception {
        start(STORAGE, "{per_user: {capacity: 2, refill_per_minute: 1}}");
        assertEquals(10, inline(1, ALICE, "art", "", "sender").resultIds().size());
        assertEquals(10, inline(2, ALICE, "art", "", "sender").resultIds().size());
        Round limited = inline(3, ALICE, "art", "", "sender");
        assertEquals(List.of(), limited.resultIds());
        assertTrue(limited.button().startsWith("Slow down a little: try again in "), limited.button());
        assertEquals("0", limited.answer().param("cache_time"));

        Round bob = inline(4, BOB, "art", "", "sender");
        assertEquals(10, bob.resultIds().size(), "another user is not held up");
        assertEquals("art · #1", bob.answer().params().get("results").get(0).path("caption").asText());
    }

    @Test
    void inAGroupTheExplicitImageIsLeftOutAndInAPrivateChatItIsShownUncached() throws Exception {
        start(STORAGE);
        int update = 1;
        for (String type : List.of("group", "supergroup", "channel")) {
            Round round = inline(update++, ALICE, "art", "", type);
            assertEquals(shas(0, 10, false), round.resultIds(), type);
            assertEquals("30", round.answer().param("cache_time"), type);
        }
        Round secret = inline(20, ALICE, "art", "", null);
        assertEquals(shas(0, 10, false), secret.resultIds(), "an unknown chat kind counts as a group");

        Round privateChat = inline(21, ALICE, "art", "", "private");
        assertEquals(shas(0, 10, true), privateChat.resultIds());
        assertTrue(privateChat.resultIds().contains(shas.get(EXPLICIT)));
        assertEquals("0", privateChat.answer().param("cache_time"),
                "an answer with an explicit image must not be reused by Telegram in another chat");
    }

    /**
     * Answers inline queries as the vision plugin does, over a scripted gallery: pages of 10, adult images only where
     * the real policy allows them for the chat kind; /search sends the first three images.
     */
    final class InlineScriptPlugin implements Plugin {
        private final SafetyPolicy policy;

        InlineScriptPlugin(SafetyPolicy policy) {
            this.policy = policy;
        }

        @Override
        public String id() {
            return "inline-script";
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(BotCommand.of(CommandSpec.builder("search", "Search").build(), this::search));
        }

        private void search(CommandContext ctx) {
            ctx.reply(new Reply.Album(RichText.plain(""), gallery.subList(0, 3)));
        }

        @Override
        public Optional<InlineHandler> inline() {
            return Optional.of(this::answer);
        }

        private InlineAnswer answer(InlineQuery query, Language language) {
            boolean adult = policy.inlineShowsAdult(query.platform(), query.chatType().traits());
            List<Integer> shown = IntStream.range(0, IMAGES).filter(i -> adult || i != EXPLICIT).boxed().toList();
            int from = query.offset().isEmpty() ? 0 : Integer.parseInt(query.offset());
            int to = Math.min(shown.size(), from + 10);
            List<InlineResult> page = new ArrayList<>();
            for (int i = from; i < to; i++) {
                page.add(new InlineResult(shas.get(shown.get(i)), gallery.get(shown.get(i)).image(), "",
                        query.text() + " · #" + (i + 1)));
            }
            boolean anyAdult = shown.subList(from, to).contains(EXPLICIT);
            return new InlineAnswer(page, to < shown.size() ? String.valueOf(to) : "", Optional.empty(),
                    anyAdult ? Duration.ZERO : Duration.ofSeconds(30));
        }
    }
}
