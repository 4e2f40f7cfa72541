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
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("acgbot").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
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
        assertTrue(r.stdout().contains("/help — List the commands you can use"), r.stdout());
        assertTrue(r.stdout().contains("/about"), r.stdout());
        assertTrue(Files.exists(dir.resolve("data/logs/acgbot.log")), "logs go to the data directory");
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
}
