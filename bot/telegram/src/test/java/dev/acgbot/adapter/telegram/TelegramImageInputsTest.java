package dev.acgbot.adapter.telegram;

import com.sun.net.httpserver.HttpServer;
import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.adapter.telegram.fake.Updates.Chat;
import dev.acgbot.adapter.telegram.fake.Updates.User;
import dev.acgbot.adapterkit.links.LinkFetchRules;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stickers, animations and links as the image of a command, through the real telegrambots client and the real core
 * against the fake Bot API: which file is fetched (getFile), and what the user reads when there is none to fetch.
 */
class TelegramImageInputsTest {
    private static final String TOKEN = "123456:TEST-token_abcdefghijklmnopqrstuv";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Chat GROUP = new Chat(-100321);
    private static final User ALICE = new User(555, "Alice");
    private static final byte[] STICKER = TestImages.png(32, 32, Color.ORANGE);
    private static final byte[] THUMB = TestImages.png(16, 16, Color.CYAN);
    private static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
    private static final byte[] LINKED = TestImages.png(8, 8, Color.GREEN);

    private FakeTelegramServer telegram;
    private HttpServer images;
    private BotRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegramServer(TOKEN);
        telegram.addFile("st-1", "u-st-1", STICKER, STICKER.length);
        telegram.addFile("th-1", "u-th-1", THUMB, THUMB.length);
        telegram.addFile("gif-1", "u-gif-1", GIF, GIF.length);
        images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        images.createContext("/cat.png", ex -> {
            ex.getResponseHeaders().set("Content-Type", "image/png");
            ex.sendResponseHeaders(200, LINKED.length);
            ex.getResponseBody().write(LINKED);
            ex.close();
        });
        images.start();
        // img.test is this test's image server; internal.test a private address, as the bot would refuse
        LinkFetchRules links = LinkFetchRules.defaults().withTestOnlyAllowed(host -> switch (host) {
            case "img.test" -> List.of(InetAddress.getLoopbackAddress());
            case "internal.test" -> List.of(InetAddress.getByName("10.0.0.9"));
            default -> throw new UnknownHostException(host);
        }, Set.of(InetAddress.getLoopbackAddress()));
        TelegramAdapter adapter = new TelegramAdapter(new TelegramSettings(TOKEN, URI.create(telegram.baseUrl()),
                Duration.ofSeconds(5), TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(5), true), links);
        runtime = BotRuntime.start(BotConfig.parse("limits: {per_user: {capacity: 50, refill_per_minute: 600}}"),
                List.of(new ReadImagesPlugin()), List.of(adapter));
        while (!telegram.next(WAIT).method().equals("deleteWebhook")) {
            // getMe and the menus come first
        }
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        telegram.close();
        images.stop(0);
    }

    /** The getFile calls and the answer a command caused. */
    private List<String> exchange() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        ApiCall call;
        do {
            call = telegram.next(WAIT);
            seen.add(call.method().equals("getFile") ? "getFile " + call.param("file_id") : call.param("text"));
        } while (call.method().equals("getFile"));
        return seen;
    }

    @Test
    void aStaticStickerIsReadAsTheImage() throws Exception {
        telegram.push(Updates.replyTo(1, 21, GROUP, ALICE, "/tag",
                Updates.stickerMessage(20, GROUP, ALICE, "st-1", false, false, "th-1")));
        assertEquals(List.of("getFile st-1", "sticker_20.webp: " + STICKER.length + " bytes"), exchange());
    }

    @Test
    void animatedAndVideoStickersAreReadThroughTheirThumbnail() throws Exception {
        telegram.push(Updates.replyTo(1, 23, GROUP, ALICE, "/tag",
                Updates.stickerMessage(22, GROUP, ALICE, "tgs-1", true, false, "th-1")));
        assertEquals(List.of("getFile th-1", "sticker_22_preview.webp: " + THUMB.length + " bytes"), exchange());
        telegram.push(Updates.replyTo(2, 25, GROUP, ALICE, "/tag",
                Updates.stickerMessage(24, GROUP, ALICE, "webm-1", false, true, "th-1")));
        assertEquals(List.of("getFile th-1", "sticker_24_preview.webp: " + THUMB.length + " bytes"), exchange());
    }

    @Test
    void anAnimatedStickerWithoutAThumbnailIsRefusedWithItsOwnMessage() throws Exception {
        telegram.push(Updates.replyTo(1, 27, GROUP, ALICE, "/tag",
                Updates.stickerMessage(26, GROUP, ALICE, "tgs-2", true, false, null)));
        assertEquals(List.of("⚠ Animated and video stickers aren't supported, and this one has no still preview. "
                + "Send a static sticker or an image."), exchange());
    }

    @Test
    void aGifAnimationIsReadItselfAndAnMp4AnimationThroughItsThumbnail() throws Exception {
        telegram.push(Updates.asUpdate(1, Updates.animationMessage(30, GROUP, ALICE, "/tag", "gif-1", "cat.gif", "image/gif", "th-1")));
        assertEquals(List.of("getFile gif-1", "cat.gif: " + GIF.length + " bytes"), exchange());
        telegram.push(Updates.replyTo(2, 32, GROUP, ALICE, "/tag",
                Updates.animationMessage(31, GROUP, ALICE, "", "mp4-1", "cat.gif.mp4", "video/mp4", "th-1")));
        assertEquals(List.of("getFile th-1", "animation_31_preview.jpg: " + THUMB.length + " bytes"), exchange());
    }

    @Test
    void anMp4AnimationWithoutAThumbnailIsRefusedPlainly() throws Exception {
        telegram.push(Updates.asUpdate(1, Updates.animationMessage(33, GROUP, ALICE, "/tag", "mp4-2", "x.mp4", "video/mp4", null)));
        assertEquals(List.of("⚠ This animation has no still preview I could use. Send a still image, or the GIF as a file."), exchange());
    }

    @Test
    void aLinkInTheCommandOrInTheRepliedMessageIsFetchedSafely() throws Exception {
        String link = "http://img.test:" + images.getAddress().getPort() + "/cat.png";
        telegram.push(Updates.text(1, 40, GROUP, ALICE, "/tag " + link));
        assertEquals(List.of("cat.png: " + LINKED.length + " bytes"), exchange());
        telegram.push(Updates.replyTo(2, 42, GROUP, ALICE, "/tag", Updates.textMessage(41, GROUP, ALICE, "look: " + link + " !")));
        assertEquals(List.of("cat.png: " + LINKED.length + " bytes"), exchange());
        // a link hidden behind words (a text_link entity)
        com.fasterxml.jackson.databind.node.ObjectNode hidden = Updates.textMessage(45, GROUP, ALICE, "this cat");
        hidden.putArray("entities").addObject().put("type", "text_link").put("offset", 5).put("length", 3).put("url", link);
        telegram.push(Updates.replyTo(3, 46, GROUP, ALICE, "/tag", hidden));
        assertEquals(List.of("cat.png: " + LINKED.length + " bytes"), exchange());
        telegram.push(Updates.text(4, 43, GROUP, ALICE, "/tag http://internal.test/cat.png"));
        assertEquals(List.of("⚠ I can't fetch images from internal.test: that address is not on the public internet."), exchange());
        telegram.push(Updates.text(5, 44, GROUP, ALICE, "/tag http://169.254.169.254/latest/meta-data/"));
        assertEquals(List.of("⚠ I can't fetch images from 169.254.169.254: that address is not on the public internet."), exchange());
        assertEquals(0, telegram.downloads());
    }

    /** /tag that reads every image it is given and says which file it got. */
    public static final class ReadImagesPlugin implements Plugin {
        @Override
        public String id() {
            return "read-images";
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(BotCommand.of(CommandSpec.builder("tag", "Reads its images").attachment("image", "", true)
                    .usesRepliedImages().build(), ctx -> {
                        StringBuilder answer = new StringBuilder();
                        for (Attachment image : ctx.request().images()) {
                            answer.append(image.fileName()).append(": ").append(image.read(1_000_000).length).append(" bytes");
                        }
                        ctx.reply(answer.toString());
                    }));
        }
    }
}
