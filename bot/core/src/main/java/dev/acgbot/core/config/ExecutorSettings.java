package dev.acgbot.core.config;

import dev.acgbot.api.config.DataSize;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.time.Duration;

/**
 * {@code executor:} the bounded pool commands run on.
 *
 * @param workers            threads running commands
 * @param queue              commands waiting for a thread before users are told "busy"
 * @param queueTimeout       the longest a command waits in that queue; past it the user is told "busy" (4 stuck
 *                           commands once made 16 later /pings wait 32 s)
 * @param commandTimeout     per command, unless the command sets its own
 * @param maxAttachmentBytes the most any command may read of one attachment; larger uploads are refused
 */
public record ExecutorSettings(int workers, int queue, Duration queueTimeout, Duration commandTimeout, DataSize maxAttachmentBytes) {
    public static final ExecutorSettings DEFAULTS = new ExecutorSettings(4, 16, Duration.ofSeconds(10), Duration.ofSeconds(120),
            DataSize.ofMegabytes(25));
    public static final SettingsSection<ExecutorSettings> SECTION = new SettingsSection<>("executor", ExecutorSettings.class, DEFAULTS);

    public ExecutorSettings {
        if (workers <= 0) {
            throw new ConfigException("workers", "must be greater than zero");
        }
        if (queue < 0) {
            throw new ConfigException("queue", "must be 0 or more");
        }
        if (queueTimeout == null || queueTimeout.isZero() || queueTimeout.isNegative()) {
            throw new ConfigException("queue_timeout", "must be longer than zero");
        }
        if (commandTimeout == null || commandTimeout.isZero() || commandTimeout.isNegative()) {
            throw new ConfigException("command_timeout", "must be longer than zero");
        }
        if (maxAttachmentBytes == null || maxAttachmentBytes.bytes() <= 0) {
            throw new ConfigException("max_attachment_bytes", "must be greater than zero");
        }
    }
}
