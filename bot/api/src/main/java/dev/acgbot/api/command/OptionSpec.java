package dev.acgbot.api.command;

import dev.acgbot.api.i18n.Language;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One typed option of a command, described as data.
 *
 * @param name        lower-case identifier, also the {@code name:value} key in text commands
 * @param description one line shown in help and in native command menus
 * @param type        value kind
 * @param required    whether the command refuses to run without it
 * @param greedy      for one STRING option: takes every word not claimed by a named option
 * @param choices     allowed values for STRING options; empty means any
 * @param min         inclusive lower bound for NUMBER options, or NaN
 * @param max         inclusive upper bound for NUMBER options, or NaN
 * @param defaultValue what the command uses when the option is not given, as /help shows it; empty if none
 * @param descriptions the description in other languages (/help, native command menus); missing ones use {@code description}
 */
public record OptionSpec(String name, String description, OptionType type, boolean required,
                         boolean greedy, List<String> choices, double min, double max, String defaultValue,
                         Map<Language, String> descriptions) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("option name must be lower-case letters, digits or _: " + name);
        }
        description = description == null ? "" : description;
        choices = choices == null ? List.of() : List.copyOf(choices);
        defaultValue = defaultValue == null ? "" : defaultValue;
        descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
        if (greedy && type != OptionType.STRING) {
            throw new IllegalArgumentException("only STRING options can be greedy: " + name);
        }
    }

    public OptionSpec(String name, String description, OptionType type, boolean required,
                      boolean greedy, List<String> choices, double min, double max) {
        this(name, description, type, required, greedy, choices, min, max, "", Map.of());
    }

    /** The description in {@code language}, or the default one. */
    public String description(Language language) {
        return descriptions.getOrDefault(language, description);
    }

    /** Whether the option has a numeric range. */
    public boolean hasRange() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }

    OptionSpec withDefault(String value) {
        return new OptionSpec(name, description, type, required, greedy, choices, min, max, value, descriptions);
    }

    OptionSpec withDescriptions(String english, Map<Language, String> all) {
        return new OptionSpec(name, english, type, required, greedy, choices, min, max, defaultValue, all);
    }

    /** A short usage fragment such as {@code <text>} or {@code [threshold:number]}. */
    public String usageFragment() {
        String body = switch (type) {
            case STRING -> choices.isEmpty() ? name + (greedy ? "…" : "") : String.join("|", choices);
            case NUMBER -> name + ":number";
            case ATTACHMENT -> name;
        };
        return required ? "<" + body + ">" : "[" + body + "]";
    }
}
