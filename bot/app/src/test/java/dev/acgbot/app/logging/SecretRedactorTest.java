package dev.acgbot.app.logging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SecretRedactorTest {

    @Test
    void telegramTokenInAUrlIsMasked() {
        String line = "GET https://api.telegram.org/bot123456789:AAH3kq_Zx9yT5vW8uR2sP1oN4mL7kJ6iH0g/getUpdates failed";
        assertEquals("GET https://api.telegram.org/bot[REDACTED]/getUpdates failed", SecretRedactor.redact(line));
    }

    @Test
    void discordShapedTokenIsMasked() {
        String token = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
        assertFalse(SecretRedactor.redact("login with " + token).contains("abcdefghijklmnop"));
    }

    @Test
    void registeredSecretIsMaskedWhateverItsShape() {
        SecretRedactor.register("hunter2-but-longer");
        assertEquals("password=[REDACTED]", SecretRedactor.redact("password=hunter2-but-longer"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        String line = "/tag took 120 ms for user 123456789 at 12:30:45";
        assertEquals(line, SecretRedactor.redact(line));
    }
}
