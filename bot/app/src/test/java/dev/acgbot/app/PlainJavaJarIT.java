package dev.acgbot.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fat jar started as {@code java -jar acgbot-all.jar} with no JVM flags at all (no
 * {@code --add-modules jdk.incubator.vector}, unlike the launcher): the gallery must fall back to its scalar
 * kernels instead of failing at the first search.
 */
class PlainJavaJarIT {
    static final Path ROOT = LauncherEndToEndIT.ROOT;
    static final Path JAR = Path.of(System.getProperty("acgbot.jar", ROOT.resolve("bot/app/target/acgbot-all.jar").toString()));

    @Test
    void plainJavaJarAnswersSearchAfterReindexOnTheKnownAnswerSetup(@TempDir Path dir) throws Exception {
        knownAnswerSetupIn(dir);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "console", "--config", "config/known-answer.yaml");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // nothing may add the module behind the test's back
        List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "TELEGRAM_BOT_TOKEN", "DISCORD_TOKEN", "ACGBOT_CONFIG")
                .forEach(pb.environment()::remove);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write("/reindex\n/search 樱花\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not exit; stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);

        assertEquals(0, process.exitValue(), stderr);
        assertTrue(stdout.contains("Reindex done: added 7, updated 0, removed 0, unchanged 0, failed 0"), stdout);
        List<String> results = stdout.lines().filter(l -> l.matches("\\d+\\. \\[image] .*")).toList();
        assertFalse(results.isEmpty(), stdout);
        assertTrue(results.getFirst().endsWith("/pink.png"), "樱花 (cherry blossom) finds the pink image first: " + results);
        assertFalse(stdout.contains("Something went wrong"), stdout);
        assertFalse(stderr.contains("NoClassDefFoundError"), stderr);
        assertTrue(logOf(dir).contains("Vector search kernels: scalar Java"), "logs once which kernels run");
    }

    /** config/known-answer.yaml with the relative paths it names, in a scratch directory so data/ lands there. */
    static void knownAnswerSetupIn(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.copy(ROOT.resolve("config/known-answer.yaml"), dir.resolve("config/known-answer.yaml"));
        // copied, not linked: the gallery scan does not follow a linked folder (and both are under 1 MB)
        copyTree(ROOT.resolve("models/synthetic"), dir.resolve("models/synthetic"));
        copyTree(ROOT.resolve("plugins/commands/known-answer/gallery"), dir.resolve("plugins/commands/known-answer/gallery"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    static String logOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        }
    }
}
