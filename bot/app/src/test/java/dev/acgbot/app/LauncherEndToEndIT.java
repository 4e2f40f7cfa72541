package dev.acgbot.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real launcher script on the freshly built fat jar, as a user would. */
class LauncherEndToEndIT {
    static final Path ROOT = Path.of(System.getProperty("acgbot.root", "../..")).toAbsolutePath().normalize();

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result launch(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        return launch(workDir, java.util.Map.of(), stdin, args);
    }

    static Result launch(Path workDir, java.util.Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("acgbot").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(env);
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        pb.environment().remove("DISCORD_TOKEN");
        pb.environment().remove("ACGBOT_CONFIG");
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = pb.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not exit; stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void consoleAnswersPingAndListsCommandsThenExitsAtEndOfInput(@TempDir Path dir) throws Exception {
        Result r = launch(dir, "/ping\n/help\n", "console");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("pong ("), r.stdout());
        assertTrue(r.stdout().contains("/help [command] — List the commands you can use"), r.stdout());
        assertTrue(r.stdout().contains("/about"), r.stdout());
        assertTrue(Files.exists(dir.resolve("data/logs/acgbot.log")), "logs go to the data directory");
    }

    /** LANG names a locale this machine lacks (only C.UTF-8 here): the JVM falls back to ASCII, the replies must not. */
    @Test
    void aJapaneseLocaleThatIsNotInstalledStillGetsJapaneseRepliesInUtf8(@TempDir Path dir) throws Exception {
        Result r = launch(dir, java.util.Map.of("LANG", "ja_JP.UTF-8", "LC_ALL", ""), "/nosuch\n", "console");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("⚠ /nosuch というコマンドは知りません。/help でできることを確認できます。"), r.stdout());
    }

    /**
     * A gallery larger than the budget's quarter of heap holds gets the heap its files ask for (acgbot heap), without
     * a setting; only the commands that open the gallery ask, and ACGBOT_HEAP still wins.
     */
    @Test
    void aLargeGalleryGetsTheHeapItsFilesAskFor(@TempDir Path dir) throws Exception {
        java.util.Map<String, String> env = java.util.Map.of("ACGBOT_MEMORY_BUDGET", "2g", "ACGBOT_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        Result small = launch(dir, env, "/ping\n", "console");
        assertTrue(small.stdout().contains("-XX:MaxHeapSize=536870912 "), "no gallery yet: a quarter of 2g\n" + small.stdout());

        dev.acgbot.app.cli.HeapCommandTest.writeGalleryHeaders(dir.resolve("data/gallery"), 1_000_000);
        Result large = launch(dir, env, "/ping\n", "console");
        assertEquals(0, large.exitCode(), large.stderr());
        assertTrue(large.stdout().contains("-XX:MaxHeapSize=1207959552 "), "1M images with their graph: 1152m\n" + large.stdout());
        assertTrue(large.stdout().contains("pong ("), large.stdout());

        Result models = launch(dir, env, "", "models", "list");
        assertTrue(models.stdout().contains("-XX:MaxHeapSize=536870912 "), "models list opens no gallery\n" + models.stdout());
        Result given = launch(dir, java.util.Map.of("ACGBOT_HEAP", "700m", "ACGBOT_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "/ping\n", "console");
        assertTrue(given.stdout().contains("-XX:MaxHeapSize=734003200 "), "ACGBOT_HEAP wins\n" + given.stdout());
    }

    @Test
    void anEnabledConsoleReadsAScriptWithoutATerminal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("acgbot.yaml"), "adapters:\n  console:\n    enabled: true\n");
        Result r = launch(dir, "/about\n");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("acgbot "), r.stdout());
        assertTrue(r.stdout().contains("Plugins: core"), r.stdout());
    }

    @Test
    void malformedConfigGivesOneLineNamingTheKey(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "executor:\n  workers: lots\n");
        Result r = launch(dir, "", "console", "--config", "bad.yaml");
        assertEquals(2, r.exitCode());
        List<String> lines = r.stderr().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(List.of("acgbot: configuration error: executor.workers: expected a whole number, got 'lots'"), lines, r.stderr());
        assertFalse(r.stdout().contains("Exception"));
    }

    @Test
    void aTypoInAPluginsOrAnAdaptersSectionIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("typo.yaml"), "gallery:\n  folder: /srv/art\n");
        Result r = launch(dir, "", "console", "--config", "typo.yaml");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("acgbot: configuration error: gallery.folder: unknown key (did you mean 'folders'?)"),
                r.stderr().lines().filter(l -> !l.startsWith("WARNING")).toList(), r.stderr());
        Files.writeString(dir.resolve("typo.yaml"), "adapters:\n  telegram:\n    tokn: '1:x'\n");
        r = launch(dir, "", "console", "--config", "typo.yaml");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("acgbot: configuration error: adapters.telegram.tokn: unknown key (did you mean 'token'?)"),
                r.stderr().lines().filter(l -> !l.startsWith("WARNING")).toList(), r.stderr());
    }

    /**
     * The SYNTHETIC colour models (models/synthetic), one of them fed BGR by a user manifest: models check fails
     * it, index refuses to use it and says how to override, and the override indexes.
     */
    @Test
    void indexRefusesAModelWhoseLastCheckFailedUntilOverridden(@TempDir Path dir) throws Exception {
        Path wrong = Files.createDirectories(dir.resolve("wrong"));
        Files.writeString(wrong.resolve("wrong.yaml"), Files.readString(ROOT.resolve("models/synthetic/synthetic-colour-clip-image.yaml"))
                .replace("path: files/", "path: " + ROOT.resolve("models/synthetic/files") + "/")
                .replace("colour_order: RGB", "colour_order: BGR"));
        Files.writeString(dir.resolve("c.yaml"), """
                models:
                  manifests_dir: [%s, %s]
                  device: cpu
                  tagger: synthetic-wd-vit-tagger-v3
                  clip_image: synthetic-colour-clip-image
                  clip_text: synthetic-colour-clip-text
                gallery:
                  folders: [%s]
                  tag_images: false
                """.formatted(ROOT.resolve("models/synthetic"), wrong, ROOT.resolve("plugins/commands/known-answer/gallery")));
        Result check = launch(dir, "", "models", "check", "synthetic-colour-clip-image", "--config", "c.yaml");
        assertEquals(1, check.exitCode(), check.stdout() + check.stderr());
        assertTrue(check.stdout().contains("FAIL colour words with synthetic-colour-clip-image + synthetic-colour-clip-text: only Chinese 3/6"), check.stdout());
        assertTrue(check.stdout().contains("  => FAIL synthetic-colour-clip-image"), check.stdout());

        Result refused = launch(dir, "", "index", "--config", "c.yaml");
        assertEquals(2, refused.exitCode(), refused.stdout() + refused.stderr());
        List<String> lines = refused.stderr().lines().filter(l -> l.startsWith("acgbot:")).toList();
        assertEquals(2, lines.size(), refused.stderr());
        assertTrue(lines.get(0).startsWith("acgbot: model synthetic-colour-clip-image failed its last check ("), lines.get(0));
        assertTrue(lines.get(0).contains("colour words with synthetic-colour-clip-image"), lines.get(0));
        assertEquals("acgbot: not indexing with it. Fix the manifest or files and run ./acgbot models check, or index anyway with --ignore-failed-check", lines.get(1));

        Result forced = launch(dir, "", "index", "--config", "c.yaml", "--ignore-failed-check");
        assertEquals(0, forced.exitCode(), forced.stdout() + forced.stderr());
        assertTrue(forced.stdout().contains("added 7"), forced.stdout());
    }

    @Test
    void anUnknownModelIdIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Result r = launch(dir, "", "models", "fetch", "nosuch");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("acgbot: unknown model 'nosuch'; `acgbot models list` shows the 20 known models"),
                r.stderr().lines().filter(l -> !l.startsWith("WARNING")).toList(), r.stderr());
        assertEquals("", r.stdout());
    }
}
