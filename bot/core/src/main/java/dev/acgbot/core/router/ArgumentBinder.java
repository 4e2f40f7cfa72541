package dev.acgbot.core.router;

import dev.acgbot.api.command.Arguments;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.ImageLinks;
import dev.acgbot.api.command.OptionSpec;
import dev.acgbot.api.command.OptionType;
import dev.acgbot.api.command.RepliedMessage;

import dev.acgbot.core.i18n.CoreMessages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the text after a command word, or a platform's already-parsed options, into typed
 * {@link Arguments} checked against the command's {@link CommandSpec}.
 *
 * <p>Text syntax: {@code name:value} (or {@code name=value}) sets a named option anywhere on the line;
 * remaining words fill the options in order; a greedy last option takes all remaining words; double
 * quotes group words. Attachment options take the message's files, then the replied-to message's.
 */
public final class ArgumentBinder {

    private ArgumentBinder() {
    }

    public static Arguments bindText(CommandSpec spec, String rest, List<Attachment> attachments,
                                     Optional<RepliedMessage> repliedTo) throws UsageException {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean takesImages = spec.options().stream().anyMatch(o -> o.type() == OptionType.ATTACHMENT);
        for (String token : tokenize(spec, rest)) {
            if (takesImages && ImageLinks.isLink(unquote(token))) {
                continue; // the adapter gave this link as an image attachment (a LinkedImage); it is no option value
            }
            int sep = indexOfSeparator(token);
            if (sep > 0) {
                String key = token.substring(0, sep).toLowerCase(Locale.ROOT);
                Optional<OptionSpec> named = spec.option(key);
                if (named.isPresent() && named.get().type() != OptionType.ATTACHMENT) {
                    if (values.containsKey(key)) {
                        throw new UsageException(spec, "usage.given_twice", key);
                    }
                    values.put(key, convert(spec, named.get(), unquote(token.substring(sep + 1))));
                    continue;
                }
                if (named.isEmpty() && looksLikeOption(key, token.substring(sep + 1))) {
                    throw unknownOption(spec, token);
                }
            }
            positional.add(unquote(token));
        }
        Deque<String> words = new ArrayDeque<>(positional);
        for (OptionSpec option : spec.options()) {
            if (option.type() == OptionType.ATTACHMENT || values.containsKey(option.name()) || words.isEmpty()) {
                continue;
            }
            if (option.greedy()) {
                values.put(option.name(), convert(spec, option, String.join(" ", words)));
                words.clear();
            } else {
                values.put(option.name(), convert(spec, option, words.removeFirst()));
            }
        }
        if (!words.isEmpty()) {
            Optional<String> unknown = words.stream().filter(w -> indexOfSeparator(w) > 0).findFirst();
            if (unknown.isPresent()) {
                throw unknownOption(spec, unknown.get());
            }
            throw new UsageException(spec, "usage.not_understood", String.join(" ", words));
        }
        bindAttachments(spec, values, attachments, repliedTo);
        requirePresent(spec, values);
        return new Arguments(values);
    }

    /** Binds options a platform parsed itself (Discord), checking types, ranges and choices the same way. */
    public static Arguments bindOptions(CommandSpec spec, Map<String, Object> options, List<Attachment> attachments,
                                        Optional<RepliedMessage> repliedTo) throws UsageException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : options.entrySet()) {
            OptionSpec option = spec.option(e.getKey())
                    .orElseThrow(() -> unknownOption(spec, e.getKey()));
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (option.type() == OptionType.ATTACHMENT) {
                if (!(v instanceof Attachment)) {
                    throw new UsageException(spec, "usage.needs_image", option.name());
                }
                values.put(option.name(), v);
            } else {
                values.put(option.name(), convert(spec, option, String.valueOf(v)));
            }
        }
        bindAttachments(spec, values, attachments, repliedTo);
        requirePresent(spec, values);
        return new Arguments(values);
    }

    private static void bindAttachments(CommandSpec spec, Map<String, Object> values, List<Attachment> attachments,
                                        Optional<RepliedMessage> repliedTo) {
        Deque<Attachment> own = new ArrayDeque<>(attachments);
        values.values().forEach(own::remove);
        Deque<Attachment> replied = new ArrayDeque<>(
                spec.usesRepliedImages() ? repliedTo.map(RepliedMessage::attachments).orElse(List.of()) : List.of());
        for (OptionSpec option : spec.options()) {
            if (option.type() != OptionType.ATTACHMENT || values.containsKey(option.name())) {
                continue;
            }
            if (!own.isEmpty()) {
                values.put(option.name(), own.removeFirst());
            } else if (!replied.isEmpty()) {
                values.put(option.name(), replied.removeFirst());
            }
        }
    }

    private static void requirePresent(CommandSpec spec, Map<String, Object> values) throws UsageException {
        for (OptionSpec option : spec.options()) {
            if (option.required() && !values.containsKey(option.name())) {
                throw switch (option.type()) {
                    case ATTACHMENT -> new UsageException(spec, spec.usesRepliedImages() ? "usage.attach_or_reply" : "usage.attach",
                            spec.name());
                    case STRING, NUMBER -> option.description().isEmpty()
                            ? new UsageException(spec, "usage.needs_value", spec.name(), option.name())
                            : new UsageException(spec, language -> CoreMessages.format(language,
                            "usage.needs_value_described", spec.name(), option.name(), option.description(language)));
                };
            }
        }
    }

    private static Object convert(CommandSpec spec, OptionSpec option, String raw) throws UsageException {
        switch (option.type()) {
            case NUMBER -> {
                double value;
                try {
                    value = Double.parseDouble(raw.trim());
                } catch (NumberFormatException e) {
                    throw notANumber(spec, option, raw);
                }
                if (Double.isNaN(value) || (!Double.isNaN(option.min()) && value < option.min())
                        || (!Double.isNaN(option.max()) && value > option.max())) {
                    throw notANumber(spec, option, raw);
                }
                return value;
            }
            case STRING -> {
                if (!option.choices().isEmpty()) {
                    String lower = raw.toLowerCase(Locale.ROOT);
                    if (!option.choices().contains(lower)) {
                        throw new UsageException(spec, "usage.not_a_choice", option.name(), raw, String.join(", ", option.choices()));
                    }
                    return lower;
                }
                return raw;
            }
            default -> throw new UsageException(spec, "usage.needs_image", option.name());
        }
    }

    private static UsageException notANumber(CommandSpec spec, OptionSpec option, String raw) {
        return option.hasRange()
                ? new UsageException(spec, "usage.not_in_range", option.name(), raw, format(option.min()), format(option.max()))
                : new UsageException(spec, "usage.not_a_number", option.name(), raw);
    }

    /** An option the command does not have, named as the user wrote it, with the ones it does have. */
    private static UsageException unknownOption(CommandSpec spec, String given) {
        List<String> known = spec.options().stream().filter(o -> o.type() != OptionType.ATTACHMENT).map(OptionSpec::name).toList();
        return known.isEmpty()
                ? new UsageException(spec, "usage.unknown_option_none", spec.name(), given)
                : new UsageException(spec, "usage.unknown_option", spec.name(), given, String.join(", ", known));
    }

    /**
     * Whether {@code key:value} reads as an attempt at a named option ({@code foo:bar}) rather than text that
     * happens to hold a colon: a URL's {@code https://…}, a time {@code 12:30}, CJK text. Text that must keep such
     * a word quotes it: {@code "re:zero"}.
     */
    private static boolean looksLikeOption(String key, String value) {
        return key.matches("[a-z][a-z0-9_]*") && !value.isEmpty() && !value.startsWith("/");
    }

    /** A bound as the user would write it: 1, not 1.0. */
    static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static int indexOfSeparator(String token) {
        if (token.startsWith("\"")) {
            return -1;
        }
        int colon = token.indexOf(':');
        int equals = token.indexOf('=');
        if (colon < 0) {
            return equals;
        }
        return equals < 0 ? colon : Math.min(colon, equals);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Splits on whitespace, keeping double-quoted groups (with their quotes) as one token. */
    static List<String> tokenize(CommandSpec spec, String rest) throws UsageException {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new UsageException(spec, "usage.quote_not_closed");
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
