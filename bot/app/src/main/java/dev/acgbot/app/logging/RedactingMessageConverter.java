package dev.acgbot.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.acgbot.api.text.LogText;

/**
 * Logback's %msg with secrets masked and control characters escaped: a message is one line whatever user text
 * (a display name, a file name) it carries, so no one can forge a line in the log. Stack traces are written by
 * the throwable converter, below the message, and keep their line breaks.
 */
public final class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretRedactor.redact(LogText.safe(super.convert(event)));
    }
}
