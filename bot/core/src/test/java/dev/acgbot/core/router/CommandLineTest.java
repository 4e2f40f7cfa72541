package dev.acgbot.core.router;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @Test
    void parsesNameAndRest() {
        CommandLine line = CommandLine.parse("  /Search   樱花 k:5 ").orElseThrow();
        assertEquals("search", line.name());
        assertEquals("樱花 k:5", line.rest());
        assertEquals("", line.addressedTo());
    }

    @Test
    void commandAddressedToThisBotIsForIt() {
        CommandLine line = CommandLine.parse("/tag@AcgBot threshold:0.4").orElseThrow();
        assertEquals("tag", line.name());
        assertTrue(line.isFor("acgbot"));
    }

    @Test
    void commandAddressedToAnotherBotIsIgnored() {
        assertFalse(CommandLine.parse("/tag@OtherBot").orElseThrow().isFor("AcgBot"));
    }

    @Test
    void plainTextAndLoneSlashAreNotCommands() {
        assertTrue(CommandLine.parse("hello /tag").isEmpty());
        assertTrue(CommandLine.parse("/").isEmpty());
        assertTrue(CommandLine.parse("/ tag").isEmpty());
        assertTrue(CommandLine.parse("/usr/share/file.png").isEmpty());
    }
}
