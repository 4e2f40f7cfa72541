package dev.acgbot.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Words for chat users come from the message bundles, never from string literals in the bot layer: this scans the
 * sources of the router, console, built-in commands, the vision plugin and the adapters for a literal with words in
 * it (two Latin letters in a row, or any Chinese character) on a line that sends or builds a reply. The few
 * literals that are allowed are listed below, each with its reason.
 */
class HardCodedRepliesTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final List<Path> BOT_LAYER = List.of(
            REPO.resolve("bot/core/src/main/java/dev/acgbot/core/router"),
            REPO.resolve("bot/core/src/main/java/dev/acgbot/core/console"),
            REPO.resolve("bot/core/src/main/java/dev/acgbot/core/plugins"),
            REPO.resolve("plugins/commands/src/main/java"),
            REPO.resolve("bot/telegram/src/main/java"),
            REPO.resolve("bot/discord/src/main/java"));

    /** A call that sends or builds text for a user. */
    static final Pattern REPLY_CALL = Pattern.compile(
            "\\b(reply|error|text|plain|bold|println|print|progress|update|tellUser|setContent|UserFacingException|UsageException|Error)\\(");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}|\\p{IsHan}");

    /** file name + ": " + literal; each one says why it may stay. */
    static final Set<String> ALLOWED = Set.of(
            // the console's own prompt and echo are markers, not sentences
            "ConsoleAdapter.java: you> ",
            // Telegram's parse mode, not words (kept last so the list ends cleanly)
            "TelegramProgressMessage.java: HTML");

    @Test
    void noUserFacingLiteralOutsideTheBundles() throws IOException {
        List<String> found = scan();
        List<String> unexpected = found.stream().filter(f -> !ALLOWED.contains(f.substring(f.indexOf(' ') + 1))).toList();
        assertEquals(List.of(), unexpected, "put these words in the bundles (messages_en/zh.properties)");
    }

    @Test
    void theAllowListHoldsNothingStale() throws IOException {
        List<String> found = scan().stream().map(f -> f.substring(f.indexOf(' ') + 1)).toList();
        List<String> stale = ALLOWED.stream().filter(a -> !found.contains(a)).sorted().toList();
        assertEquals(List.of(), stale, "allowed literals that are no longer in the code: drop them from ALLOWED");
    }

    @Test
    void theScanSeesAHardCodedReply() {
        assertEquals(List.of("X.java:3 X.java: Slow down!"),
                scanLines("X.java", List.of("// ctx.reply(\"In a comment\")", "LOG.info(\"log line\");", "ctx.reply(\"Slow down!\");",
                        "ctx.reply(Messages.format(language, \"router.busy\"));")));
        assertTrue(scanLines("Y.java", List.of("text.plain(\"樱花\")")).size() == 1, "Chinese counts as words");
    }

    private static List<String> scan() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : BOT_LAYER) {
            assertTrue(Files.isDirectory(root), root::toString);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    found.addAll(scanLines(file.getFileName().toString(), Files.readAllLines(file)));
                }
            }
        }
        return found;
    }

    /** "File.java:line File.java: literal" for each worded literal on a reply line that is not a log line or comment. */
    static List<String> scanLines(String fileName, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*") || line.matches(".*\\b(LOG|log)\\.\\w+\\(.*")
                    || !REPLY_CALL.matcher(line).find()) {
                continue;
            }
            Matcher literal = LITERAL.matcher(line);
            while (literal.find()) {
                String text = literal.group(1);
                if (WORDS.matcher(text).find() && !isKey(text)) {
                    found.add(fileName + ":" + (i + 1) + " " + fileName + ": " + text);
                }
            }
        }
        return found;
    }

    /** A bundle key ({@code router.busy}) or an identifier ({@code keywords}), not a sentence. */
    private static boolean isKey(String text) {
        return text.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    }
}
