package dev.acgbot.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link BenchMain} in a fresh JVM, as {@code ./acgbot bench} does, with a chosen PATH. */
final class ChildJvm {
    record Result(int exitCode, String stdout, String stderr) {
    }

    private ChildJvm() {
    }

    static Result bench(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BenchMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(env);
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bench did not exit: " + Files.readString(out) + Files.readString(err));
        }
        // the JVM's own notice for --add-modules jdk.incubator.vector, not the bench's output
        String stderr = Files.readString(err).replace("WARNING: Using incubator modules: jdk.incubator.vector\n", "");
        return new Result(p.exitValue(), Files.readString(out), stderr);
    }
}
