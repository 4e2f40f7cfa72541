package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.command.CommandSpec;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * The command menu Telegram shows when a user types "/": built from the command data for setMyCommands.
 * Admin-only commands stay out of it, so ordinary users are not offered commands they cannot run.
 */
public final class CommandMenu {
    /** setMyCommands limits. */
    static final int MAX_COMMANDS = 100;
    static final int MAX_DESCRIPTION = 256;
    private static final String NAME_PATTERN = "[a-z0-9_]{1,32}";

    private CommandMenu() {
    }

    /** The default menu, in each command's default (English) description. */
    public static List<BotCommand> entries(List<CommandSpec> commands) {
        return entries(commands, Language.EN);
    }

    /** The menu for users whose app is set to {@code language} (setMyCommands with its language_code). */
    public static List<BotCommand> entries(List<CommandSpec> commands, Language language) {
        List<BotCommand> entries = new ArrayList<>();
        for (CommandSpec spec : commands) {
            if (spec.adminOnly() || !spec.name().matches(NAME_PATTERN)) {
                continue;
            }
            if (entries.size() == MAX_COMMANDS) {
                break;
            }
            String description = spec.description(language).isBlank() ? spec.usage() : spec.description(language).strip();
            if (description.length() > MAX_DESCRIPTION) {
                description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
            }
            entries.add(BotCommand.builder().command(spec.name()).description(description).build());
        }
        return entries;
    }
}
