package dev.acgbot.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped jar holds the bot and nothing of the benchmarks module (issue 14: benchmarks out of the product). */
class FatJarContentsIT {
    /** Path prefixes and names that only the benchmarks module (or its test kit) may contain. */
    private static final List<String> BENCH_ONLY = List.of("dev/acgbot/bench/", "dev/acgbot/models/bench/",
            "dev/acgbot/gallery/bench/", "dev/acgbot/testkit/", "org/openjdk/jmh/", "META-INF/BenchmarkList");
    private static final List<String> BENCH_FILE_NAMES = List.of("faiss_bench.py", "make_standins.py",
            "PreprocessBench.class", "InferenceBench.class", "IndexBench.class", "BenchCommand.class");

    @Test
    void fatJarHoldsNoBenchmarkClassesOrScripts() throws Exception {
        Path jar = Path.of(System.getProperty("acgbot.jar", "target/acgbot-all.jar"));
        assertTrue(Files.isRegularFile(jar), "build the fat jar first: " + jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(JarEntry::getName).toList();
            assertTrue(names.contains("dev/acgbot/app/Main.class"), "not the bot's jar: " + jar);
            List<String> offending = names.stream()
                    .filter(n -> BENCH_ONLY.stream().anyMatch(n::startsWith)
                            || BENCH_FILE_NAMES.stream().anyMatch(b -> n.endsWith("/" + b) || n.equals(b)))
                    .toList();
            assertEquals(List.of(), offending);
        }
    }
}
