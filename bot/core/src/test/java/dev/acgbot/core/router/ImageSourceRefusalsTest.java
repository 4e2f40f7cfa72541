package dev.acgbot.core.router;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.ImageUnavailableException;
import dev.acgbot.api.command.ImageUnavailableException.Reason;
import dev.acgbot.api.command.LinkedImage;
import dev.acgbot.api.command.UnavailableImage;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.core.exec.CommandExecutor;
import dev.acgbot.core.limits.RateLimiter;
import dev.acgbot.core.permissions.Permissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user reads when the image they gave by link, sticker or animation cannot be taken: one message per
 * reason, in English and Chinese, through the real router and a command that reads its image like /tag does.
 */
class ImageSourceRefusalsTest {
    private static final MessageOrigin ALICE = new MessageOrigin("telegram", "group-1", new ChatUser("111", "alice", "en"), false, false);
    private static final MessageOrigin LI = new MessageOrigin("telegram", "group-1", new ChatUser("222", "li", "zh-hans"), false, false);

    private CommandExecutor executor;
    private final List<String> thresholds = new ArrayList<>();

    @AfterEach
    void stop() {
        executor.close();
    }

    private Router router() {
        executor = new CommandExecutor(2, 4);
        CommandRegistry registry = new CommandRegistry();
        registry.register("test", List.of(BotCommand.of(CommandSpec.builder("tag", "Tag")
                .attachment("image", "", true)
                .number("threshold", "", 0, 1)
                .build(), ctx -> {
                    ctx.request().arguments().number("threshold").ifPresent(t -> thresholds.add(String.valueOf(t)));
                    Attachment image = ctx.request().images().get(0);
                    ctx.reply("read " + image.read(1000).length + " bytes");
                })));
        return new Router(registry, new Permissions(Map.of()), new RateLimiter(100, 1), new RateLimiter(1000, 1000), true,
                executor, Duration.ofSeconds(10), 1000);
    }

    private static LinkedImage link(String url, ImageUnavailableException refusal) {
        return new LinkedImage(URI.create(url), (uri, max) -> {
            throw refusal;
        });
    }

    private String answer(MessageOrigin who, String text, Attachment image) throws InterruptedException {
        RecordingResponder responder = new RecordingResponder();
        assertTrue(router().onText(who, text, "AcgBot", List.of(image), Optional.empty(), responder));
        assertTrue(responder.awaitCompleted(10));
        executor.close();
        Reply reply = responder.replies.get(0);
        return reply instanceof Reply.Error e ? e.message() : responder.lastText();
    }

    private String refusal(MessageOrigin who, Reason reason, long limit) throws InterruptedException {
        return answer(who, "/tag https://img.example/cat.png",
                link("https://img.example/cat.png", new ImageUnavailableException(reason, "img.example", "detail", limit, null)));
    }

    @Test
    void theLinkInTheCommandIsTheImageNotAnOptionValue() throws InterruptedException {
        LinkedImage fine = new LinkedImage(URI.create("https://img.example/cat.png"), (uri, max) -> new byte[]{1, 2, 3});
        assertEquals("read 3 bytes", answer(ALICE, "/tag https://img.example/cat.png threshold:0.5", fine));
        assertEquals(List.of("0.5"), thresholds);
    }

    @Test
    void eachLinkRefusalHasItsOwnEnglishMessage() throws InterruptedException {
        assertEquals("I can't fetch images from img.example: that address is not on the public internet.",
                refusal(ALICE, Reason.PRIVATE_ADDRESS, -1));
        assertEquals("The image at img.example is too large for me (the limit is 512 KB).",
                refusal(ALICE, Reason.TOO_LARGE, 512 * 1024));
        assertEquals("img.example took too long to send the image (more than 20 s). Try another link, or send the image itself.",
                refusal(ALICE, Reason.TOO_SLOW, 20_000));
        assertEquals("The link to img.example is not an image (it looks like a web page or another kind of file). "
                + "Send a direct link to the image, or the image itself.", refusal(ALICE, Reason.NOT_AN_IMAGE, -1));
        assertEquals("The link to img.example redirects too many times. Send the image's direct link instead.",
                refusal(ALICE, Reason.TOO_MANY_REDIRECTS, 5));
        assertEquals("I only open http:// and https:// links.", refusal(ALICE, Reason.UNSUPPORTED_SCHEME, -1));
        assertEquals("I couldn't get an image from img.example: the server didn't answer or said no. "
                + "Check the link, or send the image itself.", refusal(ALICE, Reason.UNREACHABLE, -1));
    }

    @Test
    void eachLinkRefusalHasItsOwnChineseMessage() throws InterruptedException {
        assertEquals("无法从 img.example 获取图片：这个地址不在公网上。", refusal(LI, Reason.PRIVATE_ADDRESS, -1));
        assertEquals("img.example 上的图片太大了（上限为 512 KB）。", refusal(LI, Reason.TOO_LARGE, 512 * 1024));
        assertEquals("img.example 发送图片太慢了（超过 20 秒）。请换个链接，或直接发送图片。", refusal(LI, Reason.TOO_SLOW, 20_000));
        assertEquals("指向 img.example 的链接跳转次数太多。请改为发送图片的直接链接。", refusal(LI, Reason.TOO_MANY_REDIRECTS, 5));
        assertEquals("我只打开 http:// 和 https:// 链接。", refusal(LI, Reason.UNSUPPORTED_SCHEME, -1));
    }

    @Test
    void stickersAndAnimationsWithoutAStillPreviewSaySo() throws InterruptedException {
        assertEquals("Animated and video stickers aren't supported, and this one has no still preview. Send a static sticker or an image.",
                answer(ALICE, "/tag", new UnavailableImage("sticker_7.tgs", Reason.ANIMATED_STICKER, "tgs without thumbnail")));
        assertEquals("This animation has no still preview I could use. Send a still image, or the GIF as a file.",
                answer(ALICE, "/tag", new UnavailableImage("animation_8.mp4", Reason.ANIMATION_WITHOUT_THUMBNAIL, "mp4")));
        assertEquals("不支持动态贴纸和视频贴纸，而且这张贴纸没有静态预览。请发送静态贴纸或图片。",
                answer(LI, "/tag", new UnavailableImage("sticker_7.tgs", Reason.ANIMATED_STICKER, "tgs without thumbnail")));
    }

    @Test
    void theOperatorGetsOneLogLineWithTheReasonAndTheDetail() throws InterruptedException {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        ch.qos.logback.classic.Logger routerLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Router.class);
        routerLog.addAppender(log);
        ch.qos.logback.classic.Level previous = routerLog.getLevel();
        routerLog.setLevel(ch.qos.logback.classic.Level.INFO); // the tests' logback config keeps the router quiet
        try {
            answer(ALICE, "/tag https://img.example/cat.png", link("https://img.example/cat.png",
                    new ImageUnavailableException(Reason.PRIVATE_ADDRESS, "img.example", "img.example resolves to 10.0.0.7")));
            List<String> lines = log.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .filter(l -> l.contains("image refused")).toList();
            assertEquals(1, lines.size(), log.list::toString);
            assertTrue(lines.get(0).endsWith("/tag: image refused (PRIVATE_ADDRESS): PRIVATE_ADDRESS img.example: "
                    + "img.example resolves to 10.0.0.7"), lines.get(0));
        } finally {
            routerLog.setLevel(previous);
            routerLog.detachAppender(log);
        }
    }

    @Test
    void theRefusalIsAnErrorReplyWithoutAReference() throws InterruptedException {
        RecordingResponder responder = new RecordingResponder();
        assertTrue(router().onText(ALICE, "/tag", "AcgBot",
                List.of(new UnavailableImage("s.tgs", Reason.ANIMATED_STICKER, "")), Optional.empty(), responder));
        assertTrue(responder.awaitCompleted(10));
        assertEquals("", assertInstanceOf(Reply.Error.class, responder.replies.get(0)).correlationId());
        assertEquals(Set.of(), Set.copyOf(thresholds));
    }
}
