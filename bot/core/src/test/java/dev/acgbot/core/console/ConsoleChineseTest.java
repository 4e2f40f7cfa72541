package dev.acgbot.core.console;

import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.i18n.ChatLanguages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Chinese conversation end to end: console → router → core plugin → console, and the choice kept across a restart. */
class ConsoleChineseTest {

    private static String runScript(Path dir, String script) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleAdapter console = new ConsoleAdapter(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out,
                false, dir, dir.resolve("out"));
        BotConfig config = BotConfig.parse("bot:\n  data_dir: " + dir.resolve("data") + "\n");
        try (BotRuntime runtime = BotRuntime.start(config, List.of(), List.of(console))) {
            console.awaitEnd();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void afterLangZhTheBotAnswersInChineseAndRemembersItAfterARestart(@TempDir Path dir) throws Exception {
        String output = runScript(dir, "/lang zh\n/nosuch\n/ping threshold:0.5\n/help ping\n");
        List<String> lines = output.lines().toList();
        assertEquals(List.of(
                "> /lang zh",
                "从现在起，我在这个聊天里用简体中文回复。",
                "> /nosuch",
                "⚠ 我不认识 /nosuch。发送 /help 看看我能做什么。",
                "> /ping threshold:0.5",
                "⚠ /ping 没有选项 threshold:0.5，它不接受命名选项。",
                "用法：/ping",
                "示例：/ping",
                "> /help ping",
                "/ping — 检查机器人是否在线",
                "用法：/ping",
                "示例",
                "/ping"), lines.subList(0, Math.min(lines.size(), 13)), output);
        assertEquals("console\\:console=zh", Files.readAllLines(dir.resolve("data").resolve(ChatLanguages.FILE_NAME)).stream()
                .filter(l -> !l.startsWith("#")).findFirst().orElseThrow());

        String again = runScript(dir, "/ping\n/lang\n/lang auto\n");
        assertTrue(again.lines().anyMatch(l -> l.matches("pong（\\d+ 毫秒）")), again);
        assertTrue(again.contains("本聊天的语言：简体中文。可以用 /lang zh、/lang ja、/lang en 或 /lang auto 修改。"), again);
        assertTrue(again.lines().anyMatch(l -> l.startsWith("From now on I reply in each user's own language")
                || l.startsWith("从现在起，我在这个聊天里按每位用户自己的语言回复")), again);
    }

    @Test
    void afterLangJaTheBotAnswersInJapanese(@TempDir Path dir) throws Exception {
        String output = runScript(dir, "/lang ja\n/nosuch\n/ping threshold:0.5\n/lang\n");
        assertEquals(List.of(
                "> /lang ja",
                "これからこのチャットでは日本語で返信します。",
                "> /nosuch",
                "⚠ /nosuch というコマンドは知りません。/help でできることを確認できます。",
                "> /ping threshold:0.5",
                "⚠ /ping にオプション threshold:0.5 はありません。名前付きオプションは取りません。",
                "使い方：/ping",
                "例：/ping",
                "> /lang",
                "このチャットの言語：日本語。/lang zh、/lang ja、/lang en、/lang auto で変更できます。"),
                output.lines().toList().subList(0, Math.min(output.lines().toList().size(), 10)), output);
    }

    @Test
    void theConsolesOwnNotesFollowTheChatsLanguageOnceItIsChosen(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        String output = runScript(dir, "/lang zh\n./nosuch.png\n./empty\n");
        assertEquals(List.of(
                "> /lang zh",
                "从现在起，我在这个聊天里用简体中文回复。",
                "> ./nosuch.png",
                "⚠ 没有这个文件：./nosuch.png",
                "> ./empty",
                "⚠ " + dir.resolve("empty") + " 是一个文件夹，里面没有图片。请给出一张图片的路径。"), output.lines().toList(), output);
    }
}
