package dev.acgbot.adapterkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TokenRedactorTest {
    static final String TELEGRAM = "123456789:AAH3kq_Zx9yT5vW8uR2sP1oN4mL7kJ6iH0g";

    @Test
    void aTelegramTokenAndItsSecretHalfAreMaskedInMessagesAndCauses() {
        TokenRedactor redactor = TokenRedactor.of(TELEGRAM);
        IOException error = new IOException("GET https://api.telegram.org/bot" + TELEGRAM + "/getUpdates failed",
                new IllegalStateException("secret AAH3kq_Zx9yT5vW8uR2sP1oN4mL7kJ6iH0g leaked"));
        assertEquals("IOException: GET https://api.telegram.org/bot[REDACTED]/getUpdates failed"
                + " <- IllegalStateException: secret [REDACTED] leaked", redactor.describe(error));
    }

    @Test
    void tokenShapesAreMaskedEvenWhenNotRegistered() {
        String discord = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
        assertEquals("login with [REDACTED] and bot[REDACTED]/x",
                TokenRedactor.shapesOnly().redact("login with " + discord + " and bot" + TELEGRAM + "/x"));
    }

    @Test
    void aRegisteredSecretIsMaskedWhateverItsShapeAndOrdinaryTextIsUntouched() {
        TokenRedactor redactor = TokenRedactor.shapesOnly().with("hunter2-but-longer");
        assertEquals("password=[REDACTED]", redactor.redact("password=hunter2-but-longer"));
        String line = "/tag took 120 ms for user 123456789 at 12:30:45";
        assertEquals(line, redactor.redact(line));
        assertSame(redactor, redactor.with(null).with("").with("hunter2-but-longer"));
    }
}
