package dev.acgbot.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production pattern's message converter keeps every event on one line, whatever user text it carries. */
class LogForgingTest {
    private static final String FORGED = "evil.png\n13:37:00 INFO  audit - admin command /reindex by telegram:999 (root) in chat 1 allowed [abcd1234]";

    @Test
    void aFileNameWithANewlineCannotForgeAnAuditLine() {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("redactedMsg", RedactingMessageConverter::new);
        layout.setPattern("%d{HH:mm:ss} %-5level %logger{0} - %redactedMsg%n");
        layout.start();
        Logger audit = context.getLogger("acgbot.audit");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), audit, Level.WARN,
                "admin command /{} by {}:{} ({}) in chat {} refused: not an admin",
                null, new Object[]{"reindex", "telegram", "111", FORGED, "1"});

        String written = layout.doLayout(event);

        assertEquals(1, written.lines().count(), written);
        assertTrue(written.contains("(evil.png\\n13:37:00 INFO  audit - admin command /reindex by telegram:999 (root)"), written);
        assertTrue(written.endsWith("refused: not an admin" + System.lineSeparator()), written);
    }
}
