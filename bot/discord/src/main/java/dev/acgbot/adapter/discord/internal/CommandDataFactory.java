package dev.acgbot.adapter.discord.internal;

import net.dv8tion.jda.api.interactions.DiscordLocale;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.OptionSpec;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds Discord application commands from the command data: one slash command per spec (attachment options
 * for images and a {@value #LINK_OPTION} option beside them, string and number options with their choices and bounds), plus the message context-menu
 * commands that stand in for Telegram's reply-with-command, named by each spec's {@code contextMenu}.
 */
public final class CommandDataFactory {
    /** Discord's limit per scope. */
    static final int MAX_SLASH_COMMANDS = 100;

    private CommandDataFactory() {
    }

    /**
     * @param adminPermission who sees admin-only commands: members with this permission, or (when none is set)
     *                        server administrators only; a server admin can still grant them to others
     */
    public static List<CommandData> build(List<CommandSpec> specs, boolean contextMenus, Optional<Permission> adminPermission) {
        List<CommandData> out = new ArrayList<>();
        for (CommandSpec spec : specs) {
            if (out.size() == MAX_SLASH_COMMANDS) {
                break;
            }
            SlashCommandData data = slash(spec);
            if (spec.adminOnly()) {
                // hidden from everyone else in the client; the core still checks its admin list on every use
                data.setDefaultPermissions(adminPermission.map(DefaultMemberPermissions::enabledFor)
                        .orElse(DefaultMemberPermissions.DISABLED));
            }
            out.add(data);
        }
        if (contextMenus) {
            contextMenus(specs).forEach((menu, command) -> out.add(contextMenu(menu, specs.stream()
                    .filter(s -> s.name().equals(command)).findFirst().orElseThrow())));
        }
        return out;
    }

    /** Context-menu names (what the user sees on a message) to the command they run, sorted by name. */
    public static Map<String, String> contextMenus(List<CommandSpec> specs) {
        Map<String, String> menus = new TreeMap<>();
        for (CommandSpec spec : specs) {
            if (!spec.contextMenu().isEmpty()) {
                menus.putIfAbsent(spec.contextMenu(), spec.name());
            }
        }
        return menus;
    }

    /**
     * A message command named {@code menu} (the English name, which interactions carry back whatever the client's
     * language), with the spec's translated names as name localisations.
     */
    static CommandData contextMenu(String menu, CommandSpec spec) {
        CommandData data = Commands.message(menu);
        for (Map.Entry<Language, DiscordLocale> locale : LOCALES.entrySet()) {
            if (spec.contextMenus().containsKey(locale.getKey()) && spec.contextMenu().equals(menu)) {
                data.setNameLocalization(locale.getValue(), spec.contextMenu(locale.getKey()));
            }
        }
        return data;
    }

    /** Discord locales that get a description of their own; the rest see the default (English) one. */
    static final Map<Language, DiscordLocale> LOCALES = Map.of(Language.ZH, DiscordLocale.CHINESE_CHINA, Language.JA, DiscordLocale.JAPANESE);

    static SlashCommandData slash(CommandSpec spec) {
        SlashCommandData data = Commands.slash(spec.name(), description(spec.description(), spec.name()));
        for (Map.Entry<Language, DiscordLocale> locale : LOCALES.entrySet()) {
            if (spec.descriptions().containsKey(locale.getKey())) {
                data.setDescriptionLocalization(locale.getValue(), description(spec.description(locale.getKey()), spec.name()));
            }
        }
        // Discord wants required options before optional ones; text commands keep their own order
        spec.options().stream()
                .sorted(Comparator.comparing(o -> !o.required()))
                .map(CommandDataFactory::option)
                .forEach(data::addOptions);
        if (takesLink(spec)) {
            data.addOptions(linkOption());
        }
        return data;
    }

    /**
     * The option a slash command with an image option gets besides it: a link to the image. A slash command cannot be
     * sent as a reply, and Discord's attachment option takes an uploaded file only, so without it art already on the web
     * had to be posted first and then picked from the message menu.
     */
    public static final String LINK_OPTION = "link";

    /** Whether the slash command of {@code spec} gets {@link #LINK_OPTION}: it takes images and has no option of that name. */
    static boolean takesLink(CommandSpec spec) {
        return spec.options().stream().anyMatch(o -> o.type() == dev.acgbot.api.command.OptionType.ATTACHMENT)
                && spec.options().stream().noneMatch(o -> o.name().equals(LINK_OPTION));
    }

    /** The commands whose slash command gets {@link #LINK_OPTION}: the interaction mapper reads it as an image. */
    public static Set<String> linkCommands(List<CommandSpec> specs) {
        return specs.stream().filter(CommandDataFactory::takesLink).map(CommandSpec::name).collect(Collectors.toUnmodifiableSet());
    }

    private static OptionData linkOption() {
        OptionData option = new OptionData(OptionType.STRING, LINK_OPTION,
                description(DiscordReplies.MESSAGES.format(Language.EN, "link_option"), LINK_OPTION), false);
        LOCALES.forEach((language, locale) -> option.setDescriptionLocalization(locale,
                description(DiscordReplies.MESSAGES.format(language, "link_option"), LINK_OPTION)));
        return option;
    }

    static OptionData option(OptionSpec spec) {
        OptionType type = switch (spec.type()) {
            case STRING -> OptionType.STRING;
            case NUMBER -> OptionType.NUMBER;
            case ATTACHMENT -> OptionType.ATTACHMENT;
        };
        OptionData option = new OptionData(type, spec.name(), description(spec.description(), spec.name()), spec.required());
        for (Map.Entry<Language, DiscordLocale> locale : LOCALES.entrySet()) {
            if (spec.descriptions().containsKey(locale.getKey())) {
                option.setDescriptionLocalization(locale.getValue(), description(spec.description(locale.getKey()), spec.name()));
            }
        }
        if (spec.type() == dev.acgbot.api.command.OptionType.STRING) {
            spec.choices().stream().limit(OptionData.MAX_CHOICES)
                    .forEach(choice -> option.addChoice(truncate(choice, OptionData.MAX_CHOICE_NAME_LENGTH), choice));
        }
        if (spec.type() == dev.acgbot.api.command.OptionType.NUMBER) {
            if (!Double.isNaN(spec.min())) {
                option.setMinValue(spec.min());
            }
            if (!Double.isNaN(spec.max())) {
                option.setMaxValue(spec.max());
            }
        }
        return option;
    }

    /** Discord needs 1 to 100 characters. */
    private static String description(String description, String fallback) {
        String d = description.isBlank() ? fallback : description.strip();
        return truncate(d, OptionData.MAX_DESCRIPTION_LENGTH);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
