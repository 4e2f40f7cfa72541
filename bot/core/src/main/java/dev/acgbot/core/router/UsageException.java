package dev.acgbot.core.router;

import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.i18n.LocalText;
import dev.acgbot.core.i18n.CoreMessages;

/** The user called a command wrongly; the message says how, and the usage line shows the right way. */
public final class UsageException extends Exception {
    private final transient CommandSpec spec;
    private final transient LocalText problem;

    /** @param key a {@code usage.*} key of the core's bundle */
    public UsageException(CommandSpec spec, String key, Object... args) {
        this(spec, CoreMessages.text(key, args));
    }

    UsageException(CommandSpec spec, LocalText problem) {
        super(problem.in(Language.EN));
        this.spec = spec;
        this.problem = problem;
    }

    /** A friendly text in {@code language}: the problem, the usage line and one example. */
    public String userMessage(Language language) {
        StringBuilder sb = new StringBuilder(problem.in(language)).append('\n')
                .append(CoreMessages.format(language, "usage.usage", spec.usage()));
        if (!spec.examples().isEmpty()) {
            sb.append('\n').append(CoreMessages.format(language, "usage.example", spec.examples().get(0)));
        }
        return sb.toString();
    }

    /** The same in English. */
    public String userMessage() {
        return userMessage(Language.EN);
    }
}
