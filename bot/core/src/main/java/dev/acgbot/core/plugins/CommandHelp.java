package dev.acgbot.core.plugins;

import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.OptionSpec;
import dev.acgbot.api.command.OptionType;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.core.i18n.CoreMessages;

import java.util.ArrayList;
import java.util.List;

/** {@code /help <command>}: usage, each option with its default and range, up to two examples. */
final class CommandHelp {
    static final int EXAMPLES = 2;

    private CommandHelp() {
    }

    static RichText of(CommandSpec spec, Language language) {
        RichText.Builder text = RichText.builder().bold("/" + spec.name()).plain(CoreMessages.format(language, "help.line",
                spec.description(language))).newline();
        text.plain(CoreMessages.format(language, "help.usage")).code(spec.usage()).newline();
        if (!spec.options().isEmpty()) {
            text.bold(CoreMessages.format(language, "help.options")).newline();
            for (OptionSpec option : spec.options()) {
                text.plain("• ").code(option.name()).plain(" — " + describe(option, language)).newline();
            }
        }
        List<String> examples = spec.examples().subList(0, Math.min(EXAMPLES, spec.examples().size()));
        if (!examples.isEmpty()) {
            text.bold(CoreMessages.format(language, "help.examples")).newline();
            examples.forEach(e -> text.code(e).newline());
        }
        if (!spec.aliases().isEmpty()) {
            text.plain(CoreMessages.format(language, "help.aliases", "/" + String.join(", /", spec.aliases()))).newline();
        }
        if (spec.adminOnly()) {
            text.plain(CoreMessages.format(language, "help.admins_only")).newline();
        }
        return text.build();
    }

    private static String describe(OptionSpec option, Language language) {
        List<String> facts = new ArrayList<>();
        if (option.required()) {
            facts.add(CoreMessages.format(language, "help.option_required"));
        }
        if (option.type() == OptionType.ATTACHMENT) {
            facts.add(CoreMessages.format(language, "help.option_image"));
        }
        if (option.greedy()) {
            facts.add(CoreMessages.format(language, "help.option_greedy"));
        }
        if (option.hasRange()) {
            facts.add(CoreMessages.format(language, "help.option_range", number(option.min()), number(option.max())));
        }
        if (!option.choices().isEmpty()) {
            facts.add(CoreMessages.format(language, "help.option_choices", String.join(", ", option.choices())));
        }
        if (!option.defaultValue().isEmpty()) {
            facts.add(CoreMessages.format(language, "help.option_default", option.defaultValue()));
        }
        String description = option.description(language);
        return facts.isEmpty() ? description : CoreMessages.format(language, "help.option_with_facts", description,
                String.join(CoreMessages.format(language, "help.facts_separator"), facts));
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
