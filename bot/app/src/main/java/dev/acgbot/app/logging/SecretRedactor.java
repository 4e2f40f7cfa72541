package dev.acgbot.app.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from log text: the configured token values themselves, and anything shaped like a
 * Telegram or Discord bot token (libraries log request URLs, and Telegram puts the token in the path).
 */
public final class SecretRedactor {
    private static final List<Pattern> TOKEN_SHAPES = List.of(
            Pattern.compile("(?<!\\d)\\d{6,12}:[A-Za-z0-9_-]{30,}"),                   // Telegram
            Pattern.compile("\\b[MNO][A-Za-z\\d_-]{23,27}\\.[\\w-]{6,7}\\.[\\w-]{27,40}")); // Discord
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();
    private static final String MASK = "[REDACTED]";

    private SecretRedactor() {
    }

    /** Registers a configured secret so that its exact value is masked wherever it appears. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 8 && !SECRETS.contains(secret)) {
            SECRETS.add(secret);
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            out = out.replace(secret, MASK);
        }
        for (Pattern shape : TOKEN_SHAPES) {
            Matcher m = shape.matcher(out);
            if (m.find()) {
                out = m.replaceAll(MASK);
            }
        }
        return out;
    }
}
