package dev.acgbot.commands;

import dev.acgbot.commands.plugin.VisionPlugin;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.console.ConsoleAdapter;
import dev.acgbot.core.plugins.PluginDiscovery;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /tagstyle and /tagblacklist through the console with the whole bot and the SYNTHETIC colour tagger (red.png:
 * synthetic_character_(red), red_theme, dark; not a real model), the operator's blacklist holding {@code watermark};
 * then a second start on the same data directory, which must remember the chat's choices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TagPreferencesConsoleEndToEndTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final Path RED = REPO.resolve("plugins/commands/known-answer/gallery/red.png");

    List<String> first;
    List<String> afterRestart;
    Path dataDir;

    @BeforeAll
    void runTheScripts(@TempDir Path dir) throws Exception {
        dataDir = dir.resolve("data");
        BotConfig config = BotConfig.parse("""
                bot:
                  data_dir: %s
                models:
                  manifests_dir: [%s]
                  device: cpu
                  tagger: synthetic-wd-vit-tagger-v3
                  clip_image: synthetic-colour-clip-image
                  clip_text: synthetic-colour-clip-text
                plugins:
                  vision:
                    tag:
                      blacklist: [watermark]
                """.formatted(dataDir, REPO.resolve("models/synthetic")));
        first = run(config, dir,
                "/tag " + RED,
                "/tagstyle",
                "/tagstyle underscores plain",
                "/tagblacklist add red theme, Dark",
                "/tag " + RED,
                "/tagblacklist remove dark, watermark, solo",
                "/tagstyle sideways",
                "/tagblacklist add",
                "/tagblacklist add " + "x".repeat(101),
                "/lang zh",
                "/tagstyle",
                "/tagblacklist");
        afterRestart = run(config, dir, "/lang en", "/tagstyle", "/tagblacklist list", "/tag " + RED, "/tagstyle default", "/tagblacklist clear");
    }

    /** The console's answer to each line, in order. */
    private static List<String> run(BotConfig config, Path dir, String... lines) throws Exception {
        String script = String.join("\n", lines) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleAdapter console = new ConsoleAdapter(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, dir, dir.resolve("out"));
        try (BotRuntime runtime = BotRuntime.startWithSources(config, new PluginDiscovery().fromClassPath(
                TagPreferencesConsoleEndToEndTest.class.getClassLoader()), List.of(console), new ServiceRegistry())) {
            assertTrue(console.awaitEndWithin(120), "the script finished");
        }
        List<String> answers = new ArrayList<>();
        StringBuilder body = null;
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("> /")) {
                if (body != null) {
                    answers.add(body.toString());
                }
                body = new StringBuilder();
            } else if (body != null) {
                body.append(line).append('\n');
            }
        }
        answers.add(String.valueOf(body));
        assertEquals(lines.length, answers.size(), answers::toString);
        return answers;
    }

    @Test
    void theDefaultPromptIsSpacedAndEscapedAndTheOperatorsBlacklistAppliesEverywhere() {
        assertTrue(first.get(0).contains("Prompt:\n  synthetic character \\(red\\), red theme, dark\n"), first.get(0));
        assertEquals("""
                Prompt style in this chat: spaces, escaped parentheses (the default).
                Example: hatsune miku, long hair, ganyu \\(genshin impact\\)
                Admins change it with /tagstyle spaces|underscores escaped|plain, or go back with /tagstyle default.
                """, first.get(1));
    }

    @Test
    void anAdminsStyleAndBlacklistShapeTheReplyAndThePromptLine() {
        assertEquals("""
                Prompt style in this chat: underscores, plain parentheses (set by an admin).
                Example: hatsune_miku, long_hair, ganyu_(genshin_impact)
                """, first.get(2));
        assertEquals("""
                2 tags are hidden from /tag in this chat: red_theme, dark
                Hidden in every chat by the operator: watermark
                """, first.get(3));
        String tag = first.get(4);
        assertTrue(tag.contains("Prompt:\n  synthetic_character_(red)\n"), tag);
        assertTrue(tag.contains("2 tags are hidden by the blacklist here."), tag);
        assertTrue(!tag.contains("red_theme") && !tag.contains("dark"), tag);
    }

    @Test
    void removingSaysWhatWasNotOnTheChatsListAndBadInputIsNamed() {
        assertEquals("""
                watermark is hidden by the operator for every chat; only the configuration can change that.
                solo was not on this chat's list.
                1 tag is hidden from /tag in this chat: red_theme
                Hidden in every chat by the operator: watermark
                """, first.get(5));
        assertEquals("⚠ I don't know the style “sideways”. Use spaces or underscores, and escaped or plain, e.g. /tagstyle spaces escaped.\n",
                first.get(6));
        assertEquals("⚠ Which tags? For example: /tagblacklist add long hair, red eyes\n", first.get(7));
        assertEquals("⚠ That is not a tag: tags have at most 100 characters.\n", first.get(8));
    }

    @Test
    void theAnswersSpeakChinese() {
        assertEquals("""
                本聊天的提示词写法：下划线，括号不转义（由管理员设置）。
                示例：hatsune_miku, long_hair, ganyu_(genshin_impact)
                管理员可以用 /tagstyle spaces|underscores escaped|plain 修改，或用 /tagstyle default 恢复默认。
                """, first.get(10));
        assertEquals("""
                本聊天对 /tag 隐藏了 1 个标签：red_theme
                运维在所有聊天中隐藏的标签：watermark
                """, first.get(11));
    }

    @Test
    void theChoicesSurviveARestartAndCanBeUndone() throws Exception {
        assertTrue(afterRestart.get(1).startsWith("Prompt style in this chat: underscores, plain parentheses (set by an admin)."),
                afterRestart.get(1));
        assertTrue(afterRestart.get(2).startsWith("1 tag is hidden from /tag in this chat: red_theme\n"), afterRestart.get(2));
        assertTrue(afterRestart.get(3).contains("Prompt:\n  synthetic_character_(red), dark\n"), afterRestart.get(3));
        assertTrue(afterRestart.get(4).startsWith("Prompt style in this chat: spaces, escaped parentheses (the default)."),
                afterRestart.get(4));
        assertTrue(afterRestart.get(5).startsWith("No tags are hidden from /tag in this chat.\n"), afterRestart.get(5));
        String file = Files.readString(dataDir.resolve(VisionPlugin.TAG_PREFERENCES_FILE));
        assertTrue(!file.contains(".style=") && !file.contains(".blacklist="), file);
    }
}
