package dev.acgbot.api.text;

/**
 * Makes user-controlled text safe to put in a log line: display names, file names, gallery paths and command
 * text may hold line breaks, which would let a user start a forged line (an {@code acgbot.audit} "allowed",
 * say). Control characters, line and paragraph separators and bidirectional overrides become visible escapes;
 * everything else, CJK and emoji included, is kept.
 */
public final class LogText {
    private LogText() {
    }

    /** The text with every control character escaped ({@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}). */
    public static String safe(Object value) {
        String text = String.valueOf(value);
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
