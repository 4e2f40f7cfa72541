package dev.acgbot.core;

/**
 * Where an adapter stands.
 *
 * @param platform adapter id
 * @param status   running, waiting for the network, or given up
 * @param problem  why it is not running, or empty
 */
public record AdapterState(String platform, Status status, String problem) {

    public enum Status {
        /** Started and receiving. */
        RUNNING,
        /** The platform was unreachable; the next attempt is scheduled. */
        RETRYING,
        /** The platform refused the token: the operator must fix it. */
        TOKEN_REFUSED,
        /** Failed for another reason; not retried. */
        FAILED
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
