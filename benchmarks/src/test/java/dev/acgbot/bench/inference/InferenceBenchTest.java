package dev.acgbot.bench.inference;

import dev.acgbot.bench.cli.BenchMain;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the command line: the benchmark itself is a program, never a timed test. */
class InferenceBenchTest {

    private static InferenceBench.Options parse(String... args) {
        InferenceBench bench = new InferenceBench();
        new CommandLine(bench).parseArgs(args);
        return bench.options();
    }

    @Test
    void quickChoosesFewerBatchesAndShorterCellsUnlessGivenExplicitly() {
        InferenceBench.Options quick = parse("--quick");
        assertArrayEquals(new int[]{1, 8}, quick.batches());
        assertEquals(3.0, quick.seconds());
        assertEquals(Path.of(".bench-cache"), quick.cache());
        assertEquals(Optional.empty(), quick.script());
        assertEquals("/usr/bin/python3", quick.python().executable());

        InferenceBench.Options full = parse("--batches", "2,4", "--seconds", "7", "--device", "gpu:1", "--python", "py");
        assertArrayEquals(new int[]{2, 4}, full.batches());
        assertEquals(7.0, full.seconds());
        assertEquals("gpu:1", full.device());
        assertEquals("py", full.python().executable());
    }

    @Test
    void anUnknownDeviceIsRejectedBeforeAnyWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--device", "tpu"));
        assertTrue(e.getMessage().contains("device 'tpu'"), e.getMessage());
        assertEquals(2, BenchMain.execute("inference", "--device", "tpu"));
    }

    @Test
    void badOptionsAreAUsageErrorBeforeAnyWork() {
        assertEquals(2, BenchMain.execute("inference", "--fast"));
        assertEquals(2, BenchMain.execute("inference", "--json"));
    }
}
