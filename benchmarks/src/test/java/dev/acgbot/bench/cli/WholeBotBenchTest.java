package dev.acgbot.bench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code bench whole-bot} measures a gallery kept by {@code bench startup}; any other folder is one line and exit 2. */
class WholeBotBenchTest {
    @Test
    void aFolderWithoutAKeptGalleryIsRefusedWithTheCommandThatWritesOne(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty");
        java.nio.file.Files.createDirectories(empty);

        ChildJvm.Result r = ChildJvm.bench(dir, Map.of(), "whole-bot", "--gallery", empty.toString(), "--cache", dir.resolve("cache").toString());

        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("acgbot bench whole-bot: " + empty + " holds no kept gallery (no bench-clip.i8v): write one with"
                + " `./acgbot bench startup --n 1000000 --dir " + empty + " --heap-only`\n", r.stderr());
        assertEquals("", r.stdout(), "no work before the check");
    }
}
