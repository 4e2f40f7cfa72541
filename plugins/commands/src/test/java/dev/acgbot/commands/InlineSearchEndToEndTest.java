package dev.acgbot.commands;

import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.inline.InlineAnswer;
import dev.acgbot.api.inline.InlineChatType;
import dev.acgbot.api.inline.InlineQuery;
import dev.acgbot.api.inline.InlineResult;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.console.ConsoleAdapter;
import dev.acgbot.core.plugins.PluginDiscovery;
import dev.acgbot.core.plugins.ServiceRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inline queries through the real router into the vision plugin's text search, over a gallery of 25 images indexed
 * with the synthetic models. {@code safety.explicit: 0.002} rates every image explicit (the SYNTHETIC tagger's
 * explicit probability is 0.0025), so the chat kind alone decides whether any result is shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InlineSearchEndToEndTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final int IMAGES = 25;

    private BotRuntime runtime;

    @BeforeAll
    void indexTheGallery(@TempDir Path dir) throws Exception {
        Path gallery = Files.createDirectories(dir.resolve("gallery"));
        try (Stream<Path> files = Files.list(REPO.resolve("plugins/commands/known-answer/gallery"))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("corrupt")).toList()) {
                Files.copy(f, gallery.resolve(f.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(gallery)) {
            for (int i = (int) files.count(); i < IMAGES; i++) {
                BufferedImage image = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
                Color c = Color.getHSBColor(i / (float) IMAGES, 0.8f, 0.9f);
                for (int y = 0; y < 24; y++) {
                    for (int x = 0; x < 24; x++) {
                        image.setRGB(x, y, c.getRGB());
                    }
                }
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                Files.write(gallery.resolve("extra" + i + ".png"), png.toByteArray());
            }
        }
        BotConfig config = BotConfig.parse("""
                bot:
                  data_dir: %s
                models:
                  manifests_dir: [%s]
                  device: cpu
                  tagger: synthetic-wd-vit-tagger-v3
                  clip_image: synthetic-colour-clip-image
                  clip_text: synthetic-colour-clip-text
                gallery:
                  folders: [%s]
                safety:
                  explicit: 0.002
                limits:
                  per_user: {capacity: 50, refill_per_minute: 600}
                plugins:
                  vision:
                    search:
                      min_similarity: -1
                    reindex:
                      progress_interval: 0s
                """.formatted(dir.resolve("data"), REPO.resolve("models/synthetic"), gallery));
        ConsoleAdapter console = new ConsoleAdapter(new ByteArrayInputStream("/reindex\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, dir, dir.resolve("out"));
        runtime = BotRuntime.startWithSources(config, new PluginDiscovery().fromClassPath(getClass().getClassLoader()),
                List.of(console), new ServiceRegistry());
        assertTrue(console.awaitEndWithin(180), "the gallery was indexed");
    }

    @AfterAll
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private InlineAnswer ask(String text, String offset, InlineChatType chat, String language) throws Exception {
        CompletableFuture<InlineAnswer> answer = new CompletableFuture<>();
        runtime.sink().onInlineQuery(new InlineQuery("telegram", new ChatUser("42", "Alice", language), text, offset, chat),
                answer::complete);
        return answer.get(30, TimeUnit.SECONDS);
    }

    @Test
    void inTheUsersOwnChatEveryHitIsShownInPagesAndNeverCachedByThePlatform() throws Exception {
        InlineAnswer first = ask("red", "", InlineChatType.SENDER, "en");
        assertEquals(20, first.results().size());
        assertEquals("20", first.nextOffset());
        assertEquals(Optional.empty(), first.notice());
        assertEquals(Duration.ZERO, first.cacheFor(), "explicit images shown: Telegram must not reuse the answer elsewhere");
        InlineResult top = first.results().get(0);
        assertTrue(top.caption().matches("red · similarity [01]\\.\\d{3}"), top.caption());
        assertTrue(top.image().fileName().startsWith("red"), "the colour model's known answer: " + top.image().fileName());
        assertEquals(top.id(), top.image().expected().sha256(), "results are named by content hash");

        InlineAnswer second = ask("red", first.nextOffset(), InlineChatType.SENDER, "en");
        assertEquals(IMAGES - 20, second.results().size());
        assertEquals("", second.nextOffset());
        Set<String> all = new HashSet<>();
        first.results().forEach(r -> all.add(r.id()));
        second.results().forEach(r -> all.add(r.id()));
        assertEquals(IMAGES, all.size(), "the pages together hold every image once");
    }

    @Test
    void inGroupsChannelsAndUnknownChatsExplicitImagesAreLeftOutAndCounted() throws Exception {
        for (InlineChatType chat : List.of(InlineChatType.GROUP, InlineChatType.CHANNEL, InlineChatType.UNKNOWN)) {
            InlineAnswer answer = ask("red", "", chat, "en");
            assertEquals(List.of(), answer.results(), chat.name());
            assertEquals(Optional.of(IMAGES + " results hidden in this chat"), answer.notice(), chat.name());
        }
        InlineAnswer privateChat = ask("red", "", InlineChatType.PRIVATE, "en");
        assertEquals(20, privateChat.results().size(), "a private chat allows them, as the policy does");
    }

    @Test
    void textIsInTheUsersLanguage() throws Exception {
        InlineAnswer zh = ask("红色", "", InlineChatType.SENDER, "zh-hans");
        assertTrue(zh.results().get(0).caption().matches("红色 · 相似度 [01]\\.\\d{3}"), zh.results().get(0).caption());
        assertEquals(Optional.of("此聊天中隐藏了 25 个结果"), ask("红色", "", InlineChatType.GROUP, "zh-hans").notice());
        assertEquals(Optional.of("输入要找的内容，例如 樱花"), ask("  ", "", InlineChatType.SENDER, "zh-hans").notice());
        assertEquals(Optional.of("Type what to look for, e.g. 樱花"), ask("", "", InlineChatType.SENDER, "en").notice());
    }
}
