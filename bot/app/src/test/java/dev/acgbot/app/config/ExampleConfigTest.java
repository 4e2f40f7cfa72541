package dev.acgbot.app.config;

import dev.acgbot.adapter.discord.DiscordSettings;
import dev.acgbot.adapter.telegram.TelegramSettings;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.commands.plugin.VisionPlugin;
import dev.acgbot.core.AdapterSelection;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.config.ConsoleSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * config/acgbot.example.yaml documents every key with its default: bound, every section equals the record defaults
 * (so the file and the code cannot drift apart), and it has no key that nothing reads.
 */
class ExampleConfigTest {
    static final Path EXAMPLE = Path.of("../../config/acgbot.example.yaml").toAbsolutePath().normalize();

    /** Every section of the shipped bot: the core's, the adapters' and the vision plugin's. */
    static List<SettingsSection<?>> allSections() {
        List<SettingsSection<?>> all = new ArrayList<>(BotConfig.CORE_SECTIONS);
        all.add(ConsoleSettings.SECTION);
        all.add(TelegramSettings.SECTION);
        all.add(DiscordSettings.SECTION);
        all.addAll(new VisionPlugin().settings());
        return all;
    }

    @Test
    void theExampleBindsToExactlyTheDefaultsInEverySection() {
        BotConfig example = BotConfig.load(EXAMPLE, Map.of());
        BotConfig defaults = BotConfig.parse("", Map.of(), EXAMPLE.getParent());
        example.requireKnownTopLevel(new VisionPlugin().settings());
        example.requireKnownChildren("plugins", List.of("core", "vision"), "plugin");
        AdapterSelection.validate(example, getClass().getClassLoader());
        assertEquals(14, allSections().size());
        for (SettingsSection<?> section : allSections()) {
            assertEquals(defaults.section(section), example.section(section), section.key());
        }
    }

    @Test
    void inlineModeHasNoStorageChatUnlessTheOperatorNamesOne() {
        BotConfig example = BotConfig.load(EXAMPLE, Map.of());
        assertEquals("", example.section(TelegramSettings.SECTION).storageChatId());
        assertEquals("-1001234567890", BotConfig.parse("adapters:\n  telegram: {storage_chat_id: '-1001234567890'}\n")
                .section(TelegramSettings.SECTION).storageChatId());
    }

    @Test
    void adminsAndAdaptersOfUnknownPlatformsAreNamed() {
        ClassLoader loader = getClass().getClassLoader();
        assertEquals("adapters.telegarm: unknown adapter (did you mean 'telegram'?)", assertThrows(ConfigException.class,
                () -> AdapterSelection.validate(BotConfig.parse("adapters:\n  telegarm: {}\n"), loader)).getMessage());
        assertEquals("admins.discrod: unknown platform (did you mean 'discord'?)", assertThrows(ConfigException.class,
                () -> AdapterSelection.validate(BotConfig.parse("admins:\n  discrod: ['1']\n"), loader)).getMessage());
        assertEquals("admins.telegram[0]: expected a single value, got a section", assertThrows(ConfigException.class,
                () -> BotConfig.parse("admins:\n  telegram: {id: 1}\n")).getMessage());
    }
}
