package dev.acgbot.core.plugins;

/**
 * What became of one discovered plugin.
 *
 * @param id     plugin id
 * @param origin class path or jar
 * @param status started, disabled (by config), failed
 * @param detail why it is not running, or empty
 */
public record PluginState(String id, String origin, Status status, String detail) {
    public enum Status { STARTED, DISABLED, FAILED }
}
