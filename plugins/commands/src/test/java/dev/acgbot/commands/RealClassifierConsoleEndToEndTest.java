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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole bot on the console with the REAL nsfwjs MobileNetV2 (models/nsfwjs) as rating classifier and as the
 * image-embedding model, next to the synthetic tagger (which rates every image safe) and no CLIP model installed,
 * over the 24 real images of the nsfwjs parity fixture. {@code safety.classifier.questionable: 0.2} is low on
 * purpose: the model's one false alarm here (0.22 Porn on a tile-pattern wallpaper) then shows that the classifier
 * rates, that the stricter source wins and that the policy acts on it; the default thresholds (0.6/0.6/0.85) keep
 * it safe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealClassifierConsoleEndToEndTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final String TRUCHET = "21-wallpaper-truchet-l.png";

    final List<String> answers = new ArrayList<>();

    @BeforeAll
    void runTheScript(@TempDir Path dir) throws Exception {
        Path gallery = Files.createDirectories(dir.resolve("gallery"));
        try (Stream<Path> files = Files.list(REPO.resolve("models/nsfwjs/fixture/images"))) {
            for (Path f : files.toList()) {
                Files.copy(f, gallery.resolve(f.getFileName()));
            }
        }
        BotConfig config = BotConfig.parse("""
                bot:
                  data_dir: %s
                models:
                  manifests_dir: [%s, %s]
                  device: cpu
                  tagger: synthetic-wd-vit-tagger-v3
                  rating_classifier: nsfwjs-mobilenet-v2
                  image_embedding: nsfwjs-mobilenet-v2-features
                gallery:
                  folders: [%s]
                safety:
                  classifier:
                    questionable: 0.2
                plugins:
                  vision:
                    reindex:
                      progress_interval: 0s
                """.formatted(dir.resolve("data"), REPO.resolve("models/synthetic"), REPO.resolve("models/nsfwjs"), gallery));
        String script = String.join("\n",
                "/reindex",
                "/stats",
                "/tag " + gallery.resolve(TRUCHET),
                "/similar " + gallery.resolve("04-clipart-apple_bitten_dan_gerhard_01.png") + " k:5",
                "/safety sfw",
                "/similar " + REPO.resolve("models/nsfwjs/fixture-resized/images/19-truchet-l-300x300.webp") + " k:3") + "\n";
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
    void statsCountTheGalleryPerRatingWithTheClassifiersOneFalseAlarm() {
        String stats = answers.get(1);
        assertTrue(stats.contains("ratings: 23 safe, 0 sensitive, 1 questionable, 0 explicit, 0 unrated"), stats);
        assertTrue(stats.contains("nsfwjs-mobilenet-v2-features: 24 vectors"), stats);
        assertTrue(stats.contains("nsfwjs-mobilenet-v2: installed"), stats);
    }

    @Test
    void tagShowsTheStricterRatingWithBothSources() {
        String tag = answers.get(2);
        assertTrue(tag.matches("(?s).*Rating: questionable \\(general 0\\.\\d\\d; nsfwjs-mobilenet-v2 Porn\\+Hentai 0\\.22, Sexy 0\\.00\\)\n.*"), tag);
    }

    @Test
    void similarUsesTheRealFeaturesWithoutClip() {
        String similar = answers.get(3);
        assertFalse(similar.contains("CLIP"), similar);
        // the posted file's own entry, the other apple drawing as a verified copy, then five neighbours by the real
        // features (issue 12's tiers)
        assertTrue(similar.contains("1 copy · 5 similar"), similar);
        assertEquals(7, images(similar).size(), similar);
        assertTrue(images(similar).get(0).contains("04-clipart-apple_bitten"), similar);
        assertTrue(images(similar).get(1).contains("05-clipart-apple_with_worm"), similar);
        assertEquals(5, similar.lines().filter(l -> l.matches(" +similar art · \\d\\d-.* · score 0\\.\\d{3}")).count(), similar);
    }

    @Test
    void sfwHidesTheImageTheClassifierRatedQuestionable() {
        String similar = answers.get(5);
        assertTrue(similar.contains("1 copy · 3 similar, 1 result hidden in this channel"), similar);
        assertFalse(similar.contains("21-wallpaper-truchet"), similar);
        assertEquals(3, images(similar).size(), similar);
    }
}
