package dev.acgbot.core.config;

import dev.acgbot.api.plugin.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BotConfigTest {

    @Test
    void embeddedDefaultsAreValid() {
        BotConfig config = BotConfig.parse("");
        assertEquals("acgbot", config.botName());
        assertEquals(4, config.executor().integer("workers", 0));
        assertEquals(Duration.ofSeconds(120), config.executor().duration("command_timeout", Duration.ZERO));
        assertTrue(config.dataDir().endsWith("data"));
    }

    @Test
    void userValuesOverrideDefaultsDeeply() {
        BotConfig config = BotConfig.parse("""
                executor:
                  workers: 8
                limits:
                  per_user:
                    capacity: 2
                """);
        assertEquals(8, config.executor().integer("workers", 0));
        assertEquals(16, config.executor().integer("queue", 0), "untouched default stays");
        assertEquals(2, config.limits().section("per_user").integer("capacity", 0));
        assertEquals(20.0, config.limits().section("per_user").decimal("refill_per_minute", 0));
    }

    @Test
    void wrongTypeNamesTheFullKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.parse("executor:\n  workers: many\n"));
        assertEquals("executor.workers", e.key());
        assertEquals("executor.workers: expected a whole number, got 'many'", e.getMessage());
    }

    @Test
    void unknownKeyIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.parse("executor:\n  wrokers: 2\n"));
        assertEquals("executor.wrokers", e.key());
        assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
        ConfigException top = assertThrows(ConfigException.class, () -> BotConfig.parse("adaptors: {}\n"));
        assertEquals("adaptors", top.key());
    }

    @Test
    void badDurationAndNonPositiveValuesAreNamed() {
        assertEquals("executor.command_timeout",
                assertThrows(ConfigException.class, () -> BotConfig.parse("executor:\n  command_timeout: soon\n")).key());
        assertEquals("executor.queue_timeout",
                assertThrows(ConfigException.class, () -> BotConfig.parse("executor:\n  queue_timeout: 0s\n")).key());
        assertEquals("limits.per_user.capacity",
                assertThrows(ConfigException.class, () -> BotConfig.parse("limits:\n  per_user:\n    capacity: 0\n")).key());
        assertEquals("plugins.search.enabled",
                assertThrows(ConfigException.class, () -> BotConfig.parse("plugins:\n  search:\n    enabled: maybe\n")).key());
    }

    @Test
    void malformedYamlGivesLineAndColumnOnOneLine() throws Exception {
        Path file = Files.createTempFile("acgbot", ".yaml");
        Files.writeString(file, "bot:\n  name: x\n   data_dir: [\n");
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.load(file));
        assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void environmentOverridesSecrets() {
        BotConfig config = BotConfig.parse("adapters:\n  telegram:\n    token: from-file\n",
                Map.of("TELEGRAM_BOT_TOKEN", "123:from-env", "DISCORD_TOKEN", "  "));
        assertEquals("123:from-env", config.adapters().section("telegram").string("token", ""));
        assertTrue(config.adapters().section("discord").string("token").isEmpty(), "blank variables are ignored");
    }

    @Test
    void sizesAndDurationsParse() {
        BotConfig config = BotConfig.parse("executor:\n  max_attachment_bytes: 20MB\n  command_timeout: 500ms\n");
        assertEquals(20L << 20, config.executor().bytes("max_attachment_bytes", 0));
        assertEquals(Duration.ofMillis(500), config.executor().duration("command_timeout", Duration.ZERO));
    }
}
