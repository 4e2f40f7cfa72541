package dev.acgbot.core.router;

import dev.acgbot.api.command.CommandSpec;

/** The user called a command wrongly; the message says how, and the usage line shows the right way. */
public final class UsageException extends Exception {
    private final transient CommandSpec spec;

    public UsageException(CommandSpec spec, String problem) {
        super(problem);
        this.spec = spec;
    }

    /** A friendly text: the problem, the usage line and one example. */
    public String userMessage() {
        StringBuilder sb = new StringBuilder(getMessage()).append("\nUsage: ").append(spec.usage());
        if (!spec.examples().isEmpty()) {
            sb.append("\nExample: ").append(spec.examples().get(0));
        }
        return sb.toString();
    }
}
