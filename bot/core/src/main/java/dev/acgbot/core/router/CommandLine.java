package dev.acgbot.core.router;

import java.util.Locale;
import java.util.Optional;

/**
 * The head of a text command: {@code /name}, {@code /name@BotName}, and the rest of the line.
 *
 * @param name        lower-cased command name
 * @param addressedTo the bot name after {@code @}, or empty
 * @param rest        everything after the command word, trimmed
 */
public record CommandLine(String name, String addressedTo, String rest) {

    /** Parses a message; empty when it is not a command at all. */
    public static Optional<CommandLine> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '/') {
            return Optional.empty();
        }
        int end = 1;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        String word = trimmed.substring(1, end);
        String rest = trimmed.substring(end).strip();
        String name = word;
        String addressedTo = "";
        int at = word.indexOf('@');
        if (at >= 0) {
            name = word.substring(0, at);
            addressedTo = word.substring(at + 1);
        }
        if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            return Optional.empty();
        }
        return Optional.of(new CommandLine(name.toLowerCase(Locale.ROOT), addressedTo, rest));
    }

    /** Whether this command is for the given bot: unaddressed, or addressed to it (case-insensitive). */
    public boolean isFor(String botUsername) {
        return addressedTo.isEmpty() || botUsername == null || addressedTo.equalsIgnoreCase(botUsername);
    }
}
