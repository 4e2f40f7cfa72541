package dev.acgbot.bench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 10.8: a benchmark whose Python side lacks its modules prints the exact install command and exits 2,
 * before any work and without installing anything. Every installer on the PATH is a trap that leaves a mark,
 * and the interpreter is a real Python with its site packages hidden ({@code -S}), so faiss, numpy and torch
 * are missing whether or not this machine has them.
 */
class NothingInstalledTest {
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    @Test
    void indexBenchWithFaissHiddenSaysHowToInstallItAndExits2(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), "needs a python3 at " + SYSTEM_PYTHON);
        Path python = script(dir, "python-without-site", "exec " + SYSTEM_PYTHON + " -S \"$@\"");
        Path traps = traps(dir);

        ChildJvm.Result r = ChildJvm.bench(dir, path(traps), "index", "--n", "1000", "--queries", "5",
                "--json", dir.resolve("out.json").toString(), "--python", python.toString());

        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench index: bench index's faiss side needs the Python modules numpy, faiss for " + python
                + ": install with `sudo apt-get install python3-numpy python3-faiss` (or pass --no-faiss)\n", r.stderr());
        assertEquals("", r.stdout(), "no work before the check");
        assertFalse(Files.exists(dir.resolve("out.json")));
        assertNothingInstalled(dir);
    }

    @Test
    void indexBenchWithoutPythonNamesThePythonPackage(@TempDir Path dir) throws Exception {
        Path traps = traps(dir);
        Path missing = dir.resolve("no-such-python");

        ChildJvm.Result r = ChildJvm.bench(dir, path(traps), "index", "--n", "1000", "--python", missing.toString());

        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench index: bench index's faiss side needs Python 3, and " + missing
                + " does not run: install with `sudo apt-get install python3 python3-numpy python3-faiss` (or pass --no-faiss)\n",
                r.stderr());
        assertNothingInstalled(dir);
    }

    @Test
    void inferenceBenchWithoutTorchForItsFirstBuildSaysHowToInstallItAndExits2(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), "needs a python3 at " + SYSTEM_PYTHON);
        Path python = script(dir, "python-without-site", "exec " + SYSTEM_PYTHON + " -S \"$@\"");
        Path traps = traps(dir);

        ChildJvm.Result r = ChildJvm.bench(dir, path(traps), "inference", "--quick", "--cache",
                dir.resolve("cache").toString(), "--python", python.toString());

        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench inference: bench inference's first run (building the stand-in models) needs the Python"
                + " modules torch, onnx for " + python + ": install with `sudo apt-get install python3-torch python3-onnx`\n",
                r.stderr());
        assertEquals("", r.stdout(), "no work before the check");
        assertNothingInstalled(dir);
    }

    @Test
    void memoryBenchWithoutItsPicturesOrTorchSaysHowToInstallThemAndExits2(@TempDir Path dir) throws Exception {
        Path traps = traps(dir);
        Path none = dir.resolve("no-openclipart");

        ChildJvm.Result r = ChildJvm.bench(dir, path(traps), "memory", "--images", none.toString(), "--cache",
                dir.resolve("cache").toString());

        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench memory: bench memory reindexes real pictures and " + none + " is missing: install them "
                + "with `sudo apt-get install openclipart-png` (or pass --images DIR)\n", r.stderr());

        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), "needs a python3 at " + SYSTEM_PYTHON);
        Path python = script(dir, "python-without-site", "exec " + SYSTEM_PYTHON + " -S \"$@\"");
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        r = ChildJvm.bench(dir, path(traps), "memory", "--images", pictures.toString(), "--cache",
                dir.resolve("cache").toString(), "--python", python.toString());
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench memory: bench memory's first run (building the stand-in models) needs the Python"
                + " modules torch, onnx for " + python + ": install with `sudo apt-get install python3-torch python3-onnx`\n",
                r.stderr());
        assertEquals("", r.stdout(), "no work before the checks");
        assertNothingInstalled(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duplicates", "stored-reposts"})
    void anEvaluationWithoutItsPicturesIsOneLineExit2(String command, @TempDir Path dir) throws Exception {
        Path traps = traps(dir);
        Path none = dir.resolve("no-pictures");

        ChildJvm.Result r = ChildJvm.bench(dir, path(traps), command, "--gallery", none.toString());

        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench " + command + ": --gallery " + none + " is not a folder\n", r.stderr());
        assertNothingInstalled(dir);
    }

    @Test
    void similarWithoutItsPicturesOrModelsIsOneLineExit2(@TempDir Path dir) throws Exception {
        Path traps = traps(dir);
        Path none = dir.resolve("no-pictures");

        ChildJvm.Result r = ChildJvm.bench(dir, path(traps), "similar", "--gallery", none.toString());
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench similar: --gallery " + none + " is not a folder\n", r.stderr());

        Path pictures = java.nio.file.Files.createDirectories(dir.resolve("pictures"));
        r = ChildJvm.bench(dir, path(traps), "similar", "--gallery", pictures.toString(), "--manifests", none.toString());
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().startsWith("acgbot bench similar: --manifests " + none + " is not a folder"), r.stderr());
        assertNothingInstalled(dir);
    }

    /** The project's Python scripts that import a module outside Python's own library, from the repository root. */
    private static final List<String> PYTHON_SCRIPTS = List.of("models/scripts/synthetic/make_models.py",
            "models/scripts/quantize/quantize_dynamic.py",
            "models/scripts/quantize/make_int8_twins.py",
            "models/scripts/quantize/compose_clip.py",
            "models/scripts/preprocess/make_fixtures.py",
            "models/scripts/nsfwjs/make_fixture.py",
            "models/scripts/nsfwjs/make_resized_fixture.py",
            "models/scripts/nsfwjs/convert.py",
            "benchmarks/src/main/resources/dev/acgbot/bench/inference/make_standins.py",
            "benchmarks/src/main/resources/dev/acgbot/bench/gallery/faiss_bench.py",
            "plugins/commands/scripts/make_known_answer_gallery.py");

    static List<String> pythonScripts() {
        return PYTHON_SCRIPTS;
    }

    /** A script added later is checked too: the list above holds every script that imports such a module. */
    @Test
    void theScriptsCheckedAreEveryScriptThatImportsAModuleOutsidePythonsLibrary() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Pattern imports = Pattern.compile("(?m)^\\s*(import|from) (numpy|onnx|torch|faiss|PIL|regex)\\b");
        List<String> found;
        try (Stream<Path> files = Files.walk(root)) {
            found = files.filter(f -> f.toString().endsWith(".py")).filter(f -> !root.relativize(f).toString().matches("(.*/)?(target|node_modules|\\..*)/.*"))
                    .filter(f -> imports.matcher(read(f)).find()).map(f -> root.relativize(f).toString()).sorted().toList();
        }
        assertEquals(PYTHON_SCRIPTS.stream().sorted().toList(), found);
    }

    /**
     * Every Python script the project ships (fixture makers, model makers, the benchmarks' Python sides), run by
     * {@code /usr/bin/python3} with its site packages hidden: one line naming the install command on stderr, exit 2,
     * nothing written to stdout and no installer called. Three of them once stopped with a traceback instead.
     */
    @ParameterizedTest
    @MethodSource("pythonScripts")
    void aPythonScriptWithoutItsModulesNamesTheInstallAndExits2(String script, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON), "needs a python3 at " + SYSTEM_PYTHON);
        Path file = Path.of("..").resolve(script).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(file), file.toString());
        Path traps = traps(dir);
        ProcessBuilder pb = new ProcessBuilder(SYSTEM_PYTHON.toString(), "-S", file.toString()).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        pb.environment().putAll(path(traps));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), script + " still running after 60 s");
        String err = Files.readString(dir.resolve("stderr"));

        assertEquals(2, p.exitValue(), err);
        assertEquals("", Files.readString(dir.resolve("stdout")), "no work before the check");
        assertTrue(err.matches("[^\\n]*install with:? `?sudo apt-get install [^\\n]*python3-[^\\n]*\\n"), err);
        assertNothingInstalled(dir);
    }

    private static Map<String, String> path(Path traps) {
        return Map.of("PATH", traps + ":" + System.getenv("PATH"));
    }

    /** apt-get, apt, sudo, pip, pip3: each leaves a mark naming itself and its arguments, and fails. */
    private static Path traps(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("traps"));
        for (String name : new String[]{"apt-get", "apt", "sudo", "pip", "pip3", "dpkg"}) {
            script(bin, name, "echo \"" + name + " $*\" >> " + dir.resolve("installer-called") + "; exit 1");
        }
        return bin;
    }

    private static void assertNothingInstalled(Path dir) throws IOException {
        Path mark = dir.resolve("installer-called");
        assertFalse(Files.exists(mark), () -> "an installer ran: " + read(mark));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(Files.isExecutable(file));
        return file;
    }
}
