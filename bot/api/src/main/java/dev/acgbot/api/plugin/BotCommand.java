package dev.acgbot.api.plugin;

import dev.acgbot.api.command.CommandSpec;

import java.time.Duration;
import java.util.Objects;

/**
 * A command a plugin provides: its description as data plus its handler.
 *
 * @param spec    what it is called and which options it takes
 * @param handler what it does
 * @param timeout how long it may run before the user is told it timed out; null means the configured default
 */
public record BotCommand(CommandSpec spec, CommandHandler handler, Duration timeout) {
    public BotCommand {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(handler, "handler");
    }

    public static BotCommand of(CommandSpec spec, CommandHandler handler) {
        return new BotCommand(spec, handler, null);
    }

    public BotCommand withTimeout(Duration newTimeout) {
        return new BotCommand(spec, handler, newTimeout);
    }
}
