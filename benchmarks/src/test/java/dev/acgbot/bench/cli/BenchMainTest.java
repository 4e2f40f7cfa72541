package dev.acgbot.bench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 10.7: picocli throughout, so --help works on every benchmark and mistakes are exit 2. */
class BenchMainTest {

    @Test
    void everyBenchmarkIsASubcommand() {
        assertEquals(Set.of("inference", "memory", "index", "duplicates", "stored-reposts", "similar", "store", "startup", "whole-bot", "preprocess", "jmh", "help"),
                new CommandLine(new BenchMain()).getSubcommands().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "inference", "memory", "index", "duplicates", "stored-reposts", "similar", "store", "startup", "whole-bot", "preprocess", "jmh"})
    void helpExitsZero(String command) {
        String[] args = command.isEmpty() ? new String[]{"--help"} : new String[]{command, "--help"};
        assertEquals(0, BenchMain.execute(args));
    }

    @Test
    void noBenchmarkChosenIsAUsageError() {
        assertEquals(2, BenchMain.execute());
    }

    @ParameterizedTest
    @ValueSource(strings = {"index --fast", "index --n many", "duplicates --radii x", "store --n", "startup --n lots", "nosuch"})
    void badOptionsAreExit2(String line) {
        assertEquals(2, BenchMain.execute(line.split(" ")));
    }
}
