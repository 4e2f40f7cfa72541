package dev.acgbot.app;

import dev.acgbot.app.service.ControlSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --help everywhere, and every mistake a user can make as one line on stderr with a non-zero exit. */
class CliMannersTest {
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

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Every command path: [], [run], [models], [models, fetch], ... */
    private static List<List<String>> commandPaths(CommandLine cli, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                paths.addAll(commandPaths(sub, path));
            }
        });
        return paths;
    }

    @Test
    void helpWorksOnEverySubcommand() {
        List<List<String>> paths = commandPaths(new CommandLine(new Main()), List.of());
        assertTrue(paths.size() >= 12, "every subcommand is visited: " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            assertEquals(0, run(args.toArray(String[]::new)), () -> args + " stderr: " + err);
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: acgbot"), () -> args + " printed: " + out);
        }
    }

    @Test
    void anUnknownOptionIsOneLineNamingTheCommand() {
        assertEquals(2, run("index", "--bogus"));
        assertEquals(List.of("acgbot index: Unknown option: '--bogus' (see: acgbot index --help)"), errLines());
    }

    /** {@code acgbot -c F models list} reads F as {@code acgbot models list -c F} does: before a subcommand it used to be ignored. */
    @Test
    void aConfigGivenBeforeTheSubcommandIsRead(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "executor:\n  workers: lots\n");
        List<String> refusal = List.of("acgbot: configuration error: executor.workers: expected a whole number, got 'lots'");

        assertEquals(2, run("-c", bad.toString(), "models", "list"));
        assertEquals(refusal, errLines());
        assertEquals(2, run("models", "list", "-c", bad.toString()));
        assertEquals(refusal, errLines());
        assertEquals(2, run("--config", bad.toString(), "console"));
        assertEquals(refusal, errLines());
    }

    @Test
    void anUnknownModelIdIsOneLine(@TempDir Path dir) {
        assertEquals(2, run("models", "fetch", "nosuch", "--config", config(dir).toString()));
        List<String> lines = errLines();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("acgbot: unknown model 'nosuch'; `acgbot models list` shows the "), lines.get(0));
    }

    @Test
    void checkingAnUnknownModelIsOneStderrLineLikeFetch(@TempDir Path dir) {
        assertEquals(2, run("models", "check", "nosuch", "--config", config(dir).toString()));
        assertEquals(List.of("acgbot: unknown model 'nosuch'; `acgbot models list` shows the known models"), errLines());
        assertEquals("", out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void indexingWhileABotRunsOnTheDataDirIsOneLine(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("art"));
        Path data = dir.resolve("d");
        try (ControlSocket bot = ControlSocket.start(data, request -> "ok acgbot test")) {
            assertEquals(1, run("index", "--config", config(dir).toString(), "--data-dir", data.toString(), folder.toString()));
        }
        assertEquals(List.of("acgbot: the gallery is in use by a running bot; stop it or use /reindex"), errLines());
    }

    @Test
    void restoringAMissingBackupIsOneLine(@TempDir Path dir) {
        assertEquals(2, run("gallery", "restore", "--config", config(dir).toString(), dir.resolve("nope.zip").toString()));
        assertEquals(List.of("acgbot: no such backup: " + dir.resolve("nope.zip")), errLines());
    }

    private static Path config(Path dir) {
        Path file = dir.resolve("acgbot.yaml");
        try {
            Files.writeString(file, "bot:\n  data_dir: " + dir.resolve("data") + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }
}
