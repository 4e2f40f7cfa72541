package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.command.CommandSpec;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandMenuTest {

    @Test
    void publicCommandsAreListedInOrderAndAdminOnlyOnesAreLeftOut() {
        List<BotCommand> entries = CommandMenu.entries(List.of(
                CommandSpec.builder("tag", "Tag an image").build(),
                CommandSpec.builder("reindex", "Rebuild the index").adminOnly().build(),
                CommandSpec.builder("search", "Search by text").text("query", "words", true).build()));
        assertEquals(List.of("tag", "search"), entries.stream().map(BotCommand::getCommand).toList());
        assertEquals("Tag an image", entries.get(0).getDescription());
    }

    @Test
    void aMissingDescriptionFallsBackToTheUsageBecauseTelegramNeedsOne() {
        List<BotCommand> entries = CommandMenu.entries(List.of(
                CommandSpec.builder("search", "").text("query", "words", true).build()));
        assertEquals("/search <query…>", entries.get(0).getDescription());
    }

    @Test
    void atMostOneHundredCommands() {
        List<CommandSpec> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(CommandSpec.builder("c" + i, "command " + i).build());
        }
        assertEquals(CommandMenu.MAX_COMMANDS, CommandMenu.entries(many).size());
    }
}
