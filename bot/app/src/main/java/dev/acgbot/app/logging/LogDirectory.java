package dev.acgbot.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Points the log files at a data directory. Logback reads {@code acgbot.log.dir} once, when it starts, and
 * something may have started it before the configuration was read (a class's static logger), so it is
 * configured again whenever the directory changes.
 */
public final class LogDirectory {
    static final String PROPERTY = "acgbot.log.dir";

    private LogDirectory() {
    }

    public static void use(Path logDir) {
        String dir = logDir.toAbsolutePath().normalize().toString();
        if (dir.equals(System.getProperty(PROPERTY))) {
            return;
        }
        System.setProperty(PROPERTY, dir);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                System.err.println("acgbot: the logging configuration could not be read again: " + e.getMessage());
            }
        }
    }
}
