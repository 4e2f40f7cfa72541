package dev.acgbot.adapter.telegram.internal;

/**
 * Removes the bot token from text before it is logged or thrown: the Bot API carries the token in every
 * URL path ({@code /bot<token>/method}), so library messages may quote it.
 */
public final class Redactor {
    private static final String MASK = "<redacted-token>";
    private final String token;

    public Redactor(String token) {
        this.token = token;
    }

    public String redact(String text) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        String out = text.replace(token, MASK);
        // the secret half alone is enough to hijack nothing, but it is still the secret: hide it too
        int colon = token.indexOf(':');
        if (colon > 0 && colon < token.length() - 1) {
            out = out.replace(token.substring(colon + 1), MASK);
        }
        return out;
    }

    /** The exception's class and message, and those of its causes, with the token removed. */
    public String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        Throwable t = error;
        int depth = 0;
        while (t != null && depth++ < 5) {
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(redact(t.getMessage()));
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.toString();
    }
}
