package dev.acgbot.app.cli;

/**
 * A mistake the user can fix (a wrong argument, a store held by a running bot): printed as one line on
 * stderr with the given exit code, never as a stack trace.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
