package dev.acgbot.commands;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ratings and /safety through the console with the whole bot. The SYNTHETIC tagger gives every image the same
 * rating probabilities (explicit sigmoid(-6) = 0.0025), so {@code safety.explicit: 0.002} makes the whole
 * generated gallery explicit: a test of the configured threshold as much as of the policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyConsoleEndToEndTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    final List<String> answers = new ArrayList<>();
    Path dataDir;

    @BeforeAll
    void runTheScript(@TempDir Path dir) throws Exception {
        Path gallery = Files.createDirectories(dir.resolve("gallery"));
        try (Stream<Path> files = Files.list(REPO.resolve("plugins/commands/known-answer/gallery"))) {
            for (Path f : files.toList()) {
                Files.copy(f, gallery.resolve(f.getFileName()));
            }
        }
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
                gallery:
                  folders: [%s]
                safety:
                  explicit: 0.002
                plugins:
                  vision:
                    reindex:
                      progress_interval: 0s
                """.formatted(dataDir, REPO.resolve("models/synthetic"), gallery));
        String script = String.join("\n",
                "/reindex",
                "/search red k:3",
                "/safety",
                "/safety sfw",
                "/search red k:3",
                "/similar " + gallery.resolve("red.png"),
                "/safety spoiler",
                "/search red k:3",
                "/tag " + gallery.resolve("blue.png")) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleAdapter console = new ConsoleAdapter(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, dir, dir.resolve("out"));
        try (BotRuntime runtime = BotRuntime.startWithSources(config, new PluginDiscovery().fromClassPath(getClass().getClassLoader()),
                List.of(console), new ServiceRegistry())) {
            assertTrue(console.awaitEndWithin(180), "the script finished");
        }
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
    }

    private static List<String> images(String answer) {
        return answer.lines().filter(l -> l.matches("\\d+\\. \\[image.*")).toList();
    }

    @Test
    void theConsoleIsAllowedByDefaultAndSaysWhy() {
        assertEquals(3, images(answers.get(1)).size(), answers.get(1));
        assertTrue(images(answers.get(1)).stream().allMatch(l -> l.contains(". [image] ")), answers.get(1));
        assertTrue(answers.get(2).contains("Safety mode of this chat: allow (the default for private chats)"), answers.get(2));
    }

    @Test
    void sfwHidesEveryExplicitResultAndNamesNone() {
        assertTrue(answers.get(3).contains("Safety mode of this chat: sfw (set by an admin)"), answers.get(3));
        String search = answers.get(4);
        assertEquals(List.of(), images(search), search);
        assertTrue(search.contains("3 results, 3 results hidden in this channel"), search);
        assertTrue(!search.contains(".png"), "no hidden file is named: " + search);
        String similar = answers.get(5);
        assertEquals(List.of(), images(similar), similar);
        assertTrue(similar.contains("results hidden in this channel"), similar);
        assertTrue(!similar.contains("crimson") && !similar.contains("red_small"), similar);
    }

    @Test
    void spoilerShowsThemBlurredAndTheChoiceIsPersisted() throws Exception {
        List<String> shown = images(answers.get(7));
        assertEquals(3, shown.size(), answers.get(7));
        assertTrue(shown.stream().allMatch(l -> l.contains(". [image, spoiler] ")), answers.get(7));
        assertTrue(Files.readString(dataDir.resolve(dev.acgbot.commands.plugin.VisionPlugin.CHAT_MODES_FILE)).contains("console\\:console=spoiler"));
    }

    @Test
    void tagShowsTheRatingFromTheConfiguredThresholds() {
        assertTrue(answers.get(8).contains("Rating: explicit (general 0.88)"), answers.get(8));
    }
}
