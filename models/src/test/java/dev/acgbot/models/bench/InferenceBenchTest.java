package dev.acgbot.models.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the command line: the benchmark itself is a program, never a timed test. */
class InferenceBenchTest {

    @Test
    void badOptionsAreAUsageErrorBeforeAnyWork() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertEquals(2, InferenceBench.run(new String[]{"--fast"}, out));
        assertEquals(2, InferenceBench.run(new String[]{"--device", "tpu"}, out));
        assertEquals(2, InferenceBench.run(new String[]{"--json"}, out));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown option --fast (known: --quick"), text);
        assertTrue(text.contains("device 'tpu'"), text);
        assertTrue(text.contains("--json needs a value"), text);
    }
}
