package dev.acgbot.api.command;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.i18n.Messages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command described as data, so that each adapter can register it natively
 * (Discord slash commands, Telegram's command menu) and the router can parse text into it.
 *
 * <pre>{@code
 * CommandSpec tag = CommandSpec.builder("tag", "Tag an image")
 *         .attachment("image", "the image to tag", false)
 *         .number("threshold", "minimum score", 0, 1)
 *         .usesRepliedImages()
 *         .build();
 * }</pre>
 *
 * @param name              lower-case command name without the slash
 * @param description       one line, at most 100 characters (Discord's limit)
 * @param options           typed options in positional order
 * @param adminOnly         refused to anyone not listed as an admin
 * @param usesRepliedImages the command may take its images from the message it replies to
 * @param examples          example invocations shown by /help
 * @param contextMenu       the name of a message context-menu entry that runs this command on the message's images,
 *                          for platforms that have such menus (Discord); empty for none
 * @param aliases           other names the command answers to, such as {@code start} (what Telegram sends when
 *                          someone first opens a bot); a command's own name wins over another's alias
 * @param descriptions      the description in other languages, for /help and native menus (Telegram's
 *                          per-language command lists, Discord's localisations); missing ones use {@code description}
 * @param contextMenus      the context-menu name in other languages (Discord's name localisations); missing ones use
 *                          {@code contextMenu}
 */
public record CommandSpec(String name, String description, List<OptionSpec> options, boolean adminOnly,
                          boolean usesRepliedImages, List<String> examples, String contextMenu, List<String> aliases,
                          Map<Language, String> descriptions, Map<Language, String> contextMenus) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("command name must be lower-case letters, digits or _: " + name);
        }
        description = description == null ? "" : description;
        if (description.length() > 100) {
            throw new IllegalArgumentException("description of /" + name + " is longer than 100 characters");
        }
        options = List.copyOf(options);
        examples = examples == null ? List.of() : List.copyOf(examples);
        contextMenu = contextMenu == null ? "" : contextMenu.strip();
        if (contextMenu.length() > 32) {
            throw new IllegalArgumentException("context-menu name of /" + name + " is longer than 32 characters");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
        for (Map.Entry<Language, String> d : descriptions.entrySet()) {
            if (d.getValue().length() > 100) {
                throw new IllegalArgumentException(d.getKey().tag() + " description of /" + name + " is longer than 100 characters");
            }
        }
        contextMenus = contextMenu.isEmpty() || contextMenus == null ? Map.of() : Map.copyOf(contextMenus);
        for (Map.Entry<Language, String> m : contextMenus.entrySet()) {
            if (m.getValue().isBlank() || m.getValue().length() > 32) {
                throw new IllegalArgumentException(m.getKey().tag() + " context-menu name of /" + name + " must have 1 to 32 characters");
            }
        }
        for (String alias : aliases) {
            if (!alias.matches("[a-z][a-z0-9_]{0,31}") || alias.equals(name)) {
                throw new IllegalArgumentException("alias of /" + name + " must be another lower-case name: " + alias);
            }
        }
        if (options.stream().filter(OptionSpec::greedy).count() > 1) {
            throw new IllegalArgumentException("at most one greedy option in /" + name);
        }
        if (options.stream().map(OptionSpec::name).distinct().count() != options.size()) {
            throw new IllegalArgumentException("duplicate option name in /" + name);
        }
    }

    public CommandSpec(String name, String description, List<OptionSpec> options, boolean adminOnly,
                       boolean usesRepliedImages, List<String> examples, String contextMenu, List<String> aliases) {
        this(name, description, options, adminOnly, usesRepliedImages, examples, contextMenu, aliases, Map.of());
    }

    public CommandSpec(String name, String description, List<OptionSpec> options, boolean adminOnly,
                       boolean usesRepliedImages, List<String> examples, String contextMenu, List<String> aliases,
                       Map<Language, String> descriptions) {
        this(name, description, options, adminOnly, usesRepliedImages, examples, contextMenu, aliases, descriptions, Map.of());
    }

    /** The context-menu name in {@code language}, or the default one (empty when the command has no menu entry). */
    public String contextMenu(Language language) {
        return contextMenus.getOrDefault(language, contextMenu);
    }

    /** The description in {@code language}, or the default one. */
    public String description(Language language) {
        return descriptions.getOrDefault(language, description);
    }

    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    /** One-line usage such as {@code /search <query…> [k:number]}. */
    public String usage() {
        StringBuilder sb = new StringBuilder("/").append(name);
        for (OptionSpec option : options) {
            sb.append(' ').append(option.usageFragment());
        }
        return sb.toString();
    }

    /** Builds a {@link CommandSpec} step by step. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final List<OptionSpec> options = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private boolean adminOnly;
        private boolean usesRepliedImages;
        private String contextMenu = "";
        private final List<String> aliases = new ArrayList<>();
        private Messages messages;

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder string(String optionName, String description, boolean required) {
            options.add(new OptionSpec(optionName, description, OptionType.STRING, required, false, List.of(), Double.NaN, Double.NaN));
            return this;
        }

        /**
         * A string option that takes all words not claimed by {@code name:value} options; options after it
         * can then only be given by name. At most one per command.
         */
        public Builder text(String optionName, String description, boolean required) {
            options.add(new OptionSpec(optionName, description, OptionType.STRING, required, true, List.of(), Double.NaN, Double.NaN));
            return this;
        }

        public Builder choice(String optionName, String description, boolean required, String... choices) {
            options.add(new OptionSpec(optionName, description, OptionType.STRING, required, false, List.of(choices), Double.NaN, Double.NaN));
            return this;
        }

        public Builder number(String optionName, String description, double min, double max) {
            options.add(new OptionSpec(optionName, description, OptionType.NUMBER, false, false, List.of(), min, max));
            return this;
        }

        public Builder attachment(String optionName, String description, boolean required) {
            options.add(new OptionSpec(optionName, description, OptionType.ATTACHMENT, required, false, List.of(), Double.NaN, Double.NaN));
            return this;
        }

        public Builder adminOnly() {
            this.adminOnly = true;
            return this;
        }

        public Builder usesRepliedImages() {
            this.usesRepliedImages = true;
            return this;
        }

        public Builder example(String example) {
            examples.add(example);
            return this;
        }

        /** Offers the command in the message context menu under this name (e.g. "Tag image"), where a platform has one. */
        public Builder contextMenu(String menuName) {
            this.contextMenu = menuName;
            return this;
        }

        /** Another name the command answers to. */
        public Builder alias(String alias) {
            aliases.add(alias);
            return this;
        }

        /** What /help shows as the default of the option added last. */
        public Builder defaultValue(Object value) {
            int last = options.size() - 1;
            options.set(last, options.get(last).withDefault(String.valueOf(value)));
            return this;
        }

        /**
         * Takes the descriptions from a plugin's bundles: {@code command.<name>} for the command and
         * {@code command.<name>.<option>} for each option, in every language; English becomes the default.
         * A command with a {@link #contextMenu} name takes that name's translations from {@code command.<name>.menu}
         * when the bundle has it (the English name stays what the platform routes by).
         */
        public Builder localize(Messages bundle) {
            this.messages = bundle;
            return this;
        }

        public CommandSpec build() {
            if (messages == null) {
                return new CommandSpec(name, description, options, adminOnly, usesRepliedImages, examples, contextMenu, aliases);
            }
            String prefix = "command." + name;
            List<OptionSpec> localized = new ArrayList<>();
            for (OptionSpec option : options) {
                String key = prefix + "." + option.name();
                localized.add(option.withDescriptions(messages.format(Language.EN, key), allLanguages(key)));
            }
            // command.<name>.menu names the context-menu entry in each language, when the bundle has it
            String menuKey = prefix + ".menu";
            Map<Language, String> menus = contextMenu.isBlank() || !messages.keys(Language.EN).contains(menuKey)
                    ? Map.of() : allLanguages(menuKey);
            return new CommandSpec(name, messages.format(Language.EN, prefix), localized, adminOnly, usesRepliedImages,
                    examples, contextMenu, aliases, allLanguages(prefix), menus);
        }

        private Map<Language, String> allLanguages(String key) {
            Map<Language, String> all = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                all.put(language, messages.format(language, key));
            }
            return all;
        }
    }
}
