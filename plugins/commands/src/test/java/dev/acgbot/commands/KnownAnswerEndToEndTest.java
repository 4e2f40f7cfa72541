package dev.acgbot.commands;

import dev.acgbot.commands.plugin.VisionPlugin;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.console.ConsoleAdapter;
import dev.acgbot.core.plugins.PluginDiscovery;
import dev.acgbot.core.plugins.PluginSource;
import dev.acgbot.core.plugins.ServiceRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole bot on the SYNTHETIC colour models (their answers follow mean colours, they are not real models)
 * and the generated colour gallery, driven through the console adapter as a person would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownAnswerEndToEndTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    Path dir;
    /** Console output per command line, in order. */
    final Map<String, String> answers = new LinkedHashMap<>();
    final List<String> nonAdminReindex = new ArrayList<>();
    String transcript;
    double firstTagMillis;
    double cachedTagMillis;
    boolean secondTagWasAHit;

    @BeforeAll
    void runTheScript(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        Path gallery = Files.createDirectories(dir.resolve("gallery"));
        try (Stream<Path> files = Files.list(REPO.resolve("plugins/commands/known-answer/gallery"))) {
            for (Path f : files.toList()) {
                Files.copy(f, gallery.resolve(f.getFileName()));
            }
        }
        Files.write(dir.resolve("corrupt.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2});
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
                plugins:
                  vision:
                    reindex:
                      progress_interval: 0s
                """.formatted(dir.resolve("data"), REPO.resolve("models/synthetic"), gallery));
        String script = String.join("\n",
                "/search 樱花",
                "/reindex",
                "/reindex status",
                "/search 樱花",
                "/search 蓝色",
                "/similar " + gallery.resolve("red.png"),
                "/tag " + gallery.resolve("blue.png"),
                "/tag " + gallery.resolve("blue.png"),
                "/tag keywords 红, 蓝, 樱花",
                "/tag " + dir.resolve("corrupt.png"),
                "/stats",
                "/reindex",
                "/search 白色",
                "/lang zh",
                "/search 白色",
                "/tag " + dir.resolve("corrupt.png"),
                "/search 樱花",
                "/help search") + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleAdapter console = new ConsoleAdapter(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, dir, dir.resolve("out"));
        PluginDiscovery discovery = new PluginDiscovery();
        List<PluginSource> sources = discovery.fromClassPath(getClass().getClassLoader());
        VisionPlugin plugin = sources.stream().map(PluginSource::plugin).filter(VisionPlugin.class::isInstance)
                .map(VisionPlugin.class::cast).findFirst().orElseThrow();
        try (BotRuntime runtime = BotRuntime.startWithSources(config, sources, List.of(console), new ServiceRegistry())) {
            assertTrue(console.awaitEndWithin(180), "the script finished");
            MessageOrigin stranger = new MessageOrigin("telegram", "group", new ChatUser("42", "stranger"), false, false);
            CountDownLatch done = new CountDownLatch(1);
            runtime.sink().onText(stranger, "/reindex", null, List.of(), Optional.empty(), new Responder() {
                @Override
                public void send(Reply reply) {
                    nonAdminReindex.add(reply instanceof Reply.Error e ? "ERROR " + e.message() : reply.toString());
                }

                @Override
                public ProgressMessage progress(String initialText) {
                    nonAdminReindex.add("PROGRESS " + initialText);
                    return nonAdminReindex::add;
                }

                @Override
                public void completed() {
                    done.countDown();
                }
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
            CachedInference vision = plugin.inference();
            byte[] green = Files.readAllBytes(gallery.resolve("green.png"));
            PostedImage image = PostedImage.of("green.png", ImageIntake.sha256(green),
                    new dev.acgbot.models.image.ImageDecoder(dev.acgbot.models.image.DecodeLimits.defaults()).decode(green));
            long t0 = System.nanoTime();
            vision.tag(image);
            long t1 = System.nanoTime();
            long hitsBefore = vision.caches().stats().get("tags").hitCount();
            vision.tag(image);
            long t2 = System.nanoTime();
            secondTagWasAHit = vision.caches().stats().get("tags").hitCount() == hitsBefore + 1;
            firstTagMillis = (t1 - t0) / 1e6;
            cachedTagMillis = (t2 - t1) / 1e6;
            System.out.printf("same image tagged twice: first %.2f ms (inference), second %.3f ms (cache)%n", firstTagMillis, cachedTagMillis);
        }
        transcript = bytes.toString(StandardCharsets.UTF_8);
        String current = null;
        StringBuilder body = new StringBuilder();
        int index = 0;
        for (String line : transcript.split("\n")) {
            if (line.startsWith("> /")) {
                if (current != null) {
                    answers.put(current, body.toString());
                }
                current = (index++) + " " + line.substring(2);
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        answers.put(current, body.toString());
        System.out.println(transcript);
    }

    private String answer(int index) {
        return answers.entrySet().stream().filter(e -> e.getKey().startsWith(index + " ")).findFirst().orElseThrow().getValue();
    }

    private static String firstImage(String answer) {
        return answer.lines().filter(l -> l.startsWith("1. [image] ")).findFirst().orElse("(none)\n" + answer);
    }

    @Test
    void searchOnAnEmptyGalleryGivesGuidance() {
        assertTrue(answer(0).contains("The gallery is empty") && answer(0).contains("/reindex"), answer(0));
    }

    @Test
    void adminReindexShowsProgressAndACorrectSummary() {
        String reindex = answer(1);
        assertTrue(reindex.contains("… Reindex starting…"), reindex);
        assertTrue(reindex.contains("Indexing "), reindex);
        assertTrue(reindex.contains("Reindex done: added 7, updated 0, removed 0, unchanged 0, failed 0"), reindex);
        assertTrue(answer(2).contains("Last run: Reindex done: added 7"), answer(2));
        assertTrue(answer(11).contains("Reindex done: added 0") && answer(11).contains("unchanged 7"), answer(11));
    }

    @Test
    void cherryBlossomFindsThePinkImageFirst() {
        assertTrue(firstImage(answer(3)).endsWith("pink.png"), answer(3));
    }

    @Test
    void blueFindsTheBlueImageFirst() {
        assertTrue(firstImage(answer(4)).endsWith("blue.png"), answer(4));
    }

    /** The answer in tiers: the posted file's own entry, its copies with their kind, then similar art. */
    @Test
    void similarShowsTheEntryItselfThenTheResizedCopyAsTheSamePictureThenSimilarArt() {
        String similar = answer(5);
        List<String> lines = similar.lines().toList();
        assertEquals("🖼 red.png — this exact file is already in the gallery", lines.get(0), similar);
        assertEquals("1 copy · 5 similar", lines.get(1), similar);
        List<String> images = similar.lines().filter(l -> l.matches("\\d+\\. \\[image] .*")).toList();
        assertTrue(images.get(0).endsWith("/red.png"), similar);
        assertTrue(lines.get(3).trim().matches("this picture, in the gallery · .*/gallery/red\\.png"), similar);
        assertTrue(images.get(1).endsWith("red_small.png"), similar);
        assertTrue(lines.get(5).trim().matches("same picture · red_small\\.png · match (0\\.9\\d|1\\.00) \\(copies ≥ 0\\.95\\)"), similar);
        assertTrue(images.get(2).endsWith("crimson.png"), "the other red image is the most similar: " + similar);
        assertTrue(similar.contains("similar art · crimson.png · score 1.000 · shared tags: red_theme"), similar);
        assertTrue(!similar.contains("shared tags: general"), "ratings are not shared tags: " + similar);
        assertEquals(7, images.size(), "itself, one copy, five similar: " + similar);
    }

    @Test
    void blueImageIsTaggedBlueThemeAndTheSecondTimeComesFromCache() {
        String tags = answer(6);
        assertTrue(tags.contains("blue_theme"), tags);
        assertTrue(!tags.contains("red_theme"), tags);
        assertTrue(tags.contains("Rating: safe (general 0.88)"), tags);
        assertEquals(tags, answer(7), "the same image gives the same answer");
        // misses: the /similar query (red), the first blue, and the corrupt file (its hash is looked up before its
        // pixels are needed, so a cached repost is never decoded); the second blue is a hit
        assertTrue(answer(10).contains("tags: 25 % hits (1 hits, 3 misses)"), answer(10));
    }

    @Test
    void samePostedImageIsAnsweredFromTheCache() {
        // the timing is printed for the record, not asserted; the hit counter proves no inference ran
        assertTrue(secondTagWasAHit, "first " + firstTagMillis + " ms, second " + cachedTagMillis + " ms");
    }

    @Test
    void keywordModeRanksTheColourWordOfTheRepliedImageFirst() {
        // no image given: the console replies to the last image posted, blue.png
        String ranked = answer(8);
        List<String> lines = ranked.lines().filter(l -> l.contains("%")).toList();
        assertTrue(lines.get(0).startsWith("蓝 "), ranked);
    }

    @Test
    void corruptAttachmentGetsAFriendlyError() {
        String corrupt = answer(9);
        assertTrue(corrupt.startsWith("⚠ corrupt.png: "), corrupt);
        assertTrue(!corrupt.contains("Exception"), corrupt);
    }

    @Test
    void statsShowGalleryModelsAndLatency() {
        String stats = answer(10);
        assertTrue(stats.contains("7 images in 7 files"), stats);
        assertTrue(stats.contains("synthetic-colour-clip-image: installed, cpu"), stats);
        assertTrue(stats.contains("latency p50"), stats);
    }

    @Test
    void aQueryNothingMatchesSaysNoGoodMatchInsteadOfListingUnrelatedImages() {
        // no gallery image is white: every similarity is about 0 (it printed "-0.000" before the floor)
        String white = answer(12);
        assertTrue(white.startsWith("🔎 白色 — no results\nNo good match: nothing in the gallery is close enough to “白色” (best similarity "),
                white);
        assertTrue(white.endsWith(", the floor is 0.200). Try other words, or English.\n"), white);
        assertTrue(!white.contains("[image]") && !white.contains("-0.000"), white);
    }

    @Test
    void afterLangZhTheVisionRepliesAreChinese() {
        assertEquals("从现在起，我在这个聊天里用简体中文回复。\n", answer(13));
        assertTrue(answer(14).startsWith("🔎 白色 —— 没有结果\n没有足够接近的结果：图库里没有和“白色”足够相似的图片（最高相似度 "), answer(14));
        assertEquals("⚠ corrupt.png：这张图片看起来已损坏或不完整，所以我读不了它。\n", answer(15));
        String cherry = answer(16);
        assertTrue(cherry.startsWith("🔎 樱花 —— ") && cherry.lines().findFirst().orElseThrow().endsWith(" 个结果"), cherry);
        assertTrue(firstImage(cherry).endsWith("pink.png"), cherry);
        assertEquals("""
                /search — 用文字搜索图库中的图片
                用法：/search <query…> [k:number]
                选项
                • query — 要找什么，中文或英文都可以（必填；这一行剩下的全部文字）
                • k — 返回多少张图片（1 到 20；默认 6）
                示例
                /search 樱花
                /search girl with a red umbrella k:8
                """, answer(17));
    }

    @Test
    void nonAdminReindexIsRefused() {
        assertEquals(List.of("ERROR /reindex is for the bot's admins only."), nonAdminReindex);
    }
}
