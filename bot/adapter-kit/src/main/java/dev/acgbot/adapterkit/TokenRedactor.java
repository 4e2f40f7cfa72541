package dev.acgbot.adapterkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes bot tokens from text before it is logged or shown: the given secrets themselves (and the secret
 * half of a Telegram {@code id:secret} token), and anything shaped like a Telegram or Discord token, since
 * libraries quote request URLs and Telegram puts the token in every URL path ({@code /bot<token>/method}).
 * Immutable; {@link #with} gives one that also masks another secret.
 */
public final class TokenRedactor {
    public static final String MASK = "[REDACTED]";
    private static final List<Pattern> TOKEN_SHAPES = List.of(
            Pattern.compile("(?<!\\d)\\d{6,12}:[A-Za-z0-9_-]{30,}"),                   // Telegram
            Pattern.compile("\\b[MNO][A-Za-z\\d_-]{23,27}\\.[\\w-]{6,7}\\.[\\w-]{27,40}")); // Discord

    private final List<String> secrets;

    private TokenRedactor(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Masks the shapes only. */
    public static TokenRedactor shapesOnly() {
        return new TokenRedactor(List.of());
    }

    /** Masks {@code token} (null or empty: the shapes only). */
    public static TokenRedactor of(String token) {
        return shapesOnly().with(token);
    }

    public TokenRedactor with(String secret) {
        if (secret == null || secret.isEmpty() || secrets.contains(secret)) {
            return this;
        }
        List<String> more = new ArrayList<>(secrets);
        more.add(secret);
        // a Telegram token's secret half alone is still the secret
        int colon = secret.indexOf(':');
        if (colon > 0 && colon < secret.length() - 1) {
            more.add(secret.substring(colon + 1));
        }
        return new TokenRedactor(more);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        for (Pattern shape : TOKEN_SHAPES) {
            out = shape.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** The exception's class and message, and those of up to four causes, with tokens removed. */
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
