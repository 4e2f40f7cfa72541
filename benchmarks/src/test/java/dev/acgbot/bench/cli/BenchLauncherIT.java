package dev.acgbot.bench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher routes {@code ./acgbot bench ...} to the benchmarks' own jar, not the bot's. */
class BenchLauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("acgbot.root", "..")).toAbsolutePath().normalize();

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result launch(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("acgbot").toString(), "bench"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("ACGBOT_BENCH_JAVA_OPTS", "-Xmx256m");
        pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher did not exit");
        }
        String err = Files.readString(dir.resolve("err")).replace("WARNING: Using incubator modules: jdk.incubator.vector\n", "");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out")), err);
    }

    @Test
    void benchHelpListsTheBenchmarks(@TempDir Path dir) throws Exception {
        Result r = launch(dir, "--help");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("Usage: acgbot bench [-hV] [COMMAND]"), r.stdout());
        for (String name : List.of("inference", "index", "duplicates", "similar", "store", "preprocess", "jmh")) {
            assertTrue(r.stdout().contains("\n  " + name + " "), name + " missing in:\n" + r.stdout());
        }
    }

    @Test
    void aBenchmarksOwnHelpExitsZero(@TempDir Path dir) throws Exception {
        Result r = launch(dir, "index", "--help");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("Usage: acgbot bench index"), r.stdout());
        assertTrue(r.stdout().contains("--no-faiss"), r.stdout());
    }

    @Test
    void aMissingInterpreterIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("no-python");
        Result r = launch(dir, "index", "--python", none.toString());
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench index: bench index's faiss side needs Python 3, and " + none
                + " does not run: install with `sudo apt-get install python3 python3-numpy python3-faiss` (or pass --no-faiss)\n",
                r.stderr());
    }
}
