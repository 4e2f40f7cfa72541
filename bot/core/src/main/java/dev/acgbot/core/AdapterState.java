package dev.acgbot.core;

/**
 * Whether an adapter is running.
 *
 * @param platform adapter id
 * @param running  started and receiving
 * @param problem  why it is not running, or empty
 */
public record AdapterState(String platform, boolean running, String problem) {
}
