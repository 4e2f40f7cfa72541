package dev.acgbot.app.cli;

import dev.acgbot.app.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code acgbot tag FOLDER [--captions]} wired from the configuration to the SYNTHETIC colour tagger (not a real
 * model: red.png scores synthetic_character_(red), red_theme and dark).
 */
class TagCliTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.execute(args);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> l.replaceAll(" in \\d+\\.\\d s$", " in T s")).toList();
    }

    private static Path config(Path dir) throws IOException {
        return Files.writeString(dir.resolve("acgbot.yaml"), """
                bot:
                  data_dir: %s
                models:
                  manifests_dir: [%s]
                  device: cpu
                  tagger: synthetic-wd-vit-tagger-v3
                  clip_image: ""
                  clip_text: ""
                plugins:
                  vision:
                    tag:
                      blacklist: [dark]
                """.formatted(dir.resolve("data"), REPO.resolve("models/synthetic")));
    }

    private static Path dataset(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("set"));
        Files.copy(REPO.resolve("plugins/commands/known-answer/gallery/red.png"), folder.resolve("red.png"));
        Files.copy(REPO.resolve("plugins/commands/known-answer/gallery/blue.png"), folder.resolve("blue.png"));
        Files.writeString(folder.resolve("cut.jpg"), "\u00ff\u00d8\u00ff");
        return folder;
    }

    @Test
    void captionsAreWrittenWithTheConfiguredBlacklistThenSkippedOnTheNextRun(@TempDir Path dir) throws IOException {
        Path folder = dataset(dir);
        String config = config(dir).toString();
        assertEquals(0, run("tag", folder.toString(), "--captions", "--config", config), err::toString);
        assertEquals("synthetic character (red), red theme\n", Files.readString(folder.resolve("red.txt")));
        assertEquals("blue theme\n", Files.readString(folder.resolve("blue.txt")));
        List<String> lines = outLines();
        assertEquals("captions: written 2, skipped 0, failed 1, not images 0 in T s", lines.get(0), lines::toString);
        assertTrue(lines.get(1).startsWith("  failed: " + folder.resolve("cut.jpg") + ": "), lines::toString);

        assertEquals(0, run("tag", folder.toString(), "--captions", "--config", config), err::toString);
        assertEquals("captions: written 0, skipped 2 (caption exists; --overwrite replaces), failed 1, not images 0 in T s",
                outLines().get(0));

        assertEquals(0, run("tag", folder.toString(), "--captions", "--overwrite", "--words", "underscores", "--escape",
                "--blacklist", "red_theme", "--config", config), err::toString);
        assertEquals("synthetic_character_\\(red\\)\n", Files.readString(folder.resolve("red.txt")));
    }

    @Test
    void withoutCaptionsItPrintsTheTagsAndWritesNothing(@TempDir Path dir) throws IOException {
        Path folder = dataset(dir);
        assertEquals(0, run("tag", folder.resolve("red.png").toString(), "--config", config(dir).toString()), err::toString);
        assertEquals(List.of(folder.resolve("red.png") + ": synthetic character (red), red theme",
                "tagged 1, skipped 0, failed 0, not images 0 in T s"), outLines());
        assertTrue(!Files.exists(folder.resolve("red.txt")));
    }

    @Test
    void aTaggerThatIsNotInstalledIsOneStderrLineSayingHowToFetchIt(@TempDir Path dir) throws IOException {
        Path folder = dataset(dir);
        Path config = Files.writeString(dir.resolve("real.yaml"), "bot:\n  data_dir: " + dir.resolve("data")
                + "\nmodels:\n  dir: " + dir.resolve("models") + "\n  tagger: wd-vit-tagger-v3\n  clip_image: \"\"\n  clip_text: \"\"\n");
        assertEquals(2, run("tag", folder.toString(), "--captions", "--config", config.toString()));
        // (the test JVM's heap is larger than the budget allows, which the log says on stderr too)
        assertEquals(List.of("acgbot: the tagger wd-vit-tagger-v3 is not installed: ./acgbot models fetch wd-vit-tagger-v3"),
                err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains(" WARN ")).toList());
        assertTrue(!Files.exists(folder.resolve("red.txt")));
    }

    @Test
    void aMissingFolderIsOneStderrLine(@TempDir Path dir) throws IOException {
        assertEquals(2, run("tag", dir.resolve("nope").toString(), "--config", config(dir).toString()));
        assertEquals("acgbot: no such folder: " + dir.resolve("nope") + "\n", err.toString(StandardCharsets.UTF_8));
    }
}
