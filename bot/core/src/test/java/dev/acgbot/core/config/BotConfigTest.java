package dev.acgbot.core.config;

import dev.acgbot.api.config.DataSize;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BotConfigTest {
    /** A stand-in for an adapter's section, as an adapter factory would declare it. */
    record TokenSection(String token, boolean enabled) {
        static final SettingsSection<TokenSection> TELEGRAM = new SettingsSection<>("adapters.telegram", TokenSection.class, new TokenSection("", true));
        static final SettingsSection<TokenSection> DISCORD = new SettingsSection<>("adapters.discord", TokenSection.class, new TokenSection("", true));
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> BotConfig.parse(yaml)).getMessage();
    }

    @Test
    void anEmptyFileBindsToTheRecordDefaults() {
        BotConfig config = BotConfig.parse("");
        assertEquals(ExecutorSettings.DEFAULTS, config.executor());
        assertEquals(LimitsSettings.DEFAULTS, config.limits());
        assertEquals(AdminSettings.DEFAULTS, config.admins());
        assertEquals(ConsoleSettings.DEFAULTS, config.console());
        assertEquals("acgbot", config.botName());
        assertEquals(Path.of("").toAbsolutePath().resolve("data"), config.dataDir());
        assertEquals(config.dataDir().resolve("plugins"), config.pluginsDir());
    }

    @Test
    void userValuesOverrideDefaultsDeeply() {
        BotConfig config = BotConfig.parse("""
                executor:
                  workers: 8
                limits:
                  per_user:
                    capacity: 2
                admins:
                  telegram: ["123"]
                """);
        assertEquals(new ExecutorSettings(8, 16, Duration.ofSeconds(10), Duration.ofSeconds(120), DataSize.ofMegabytes(25)), config.executor());
        assertEquals(new LimitsSettings(new LimitsSettings.Bucket(2, 20), new LimitsSettings.Bucket(20, 60), true), config.limits());
        assertEquals(List.of("123"), config.admins().ids("telegram"));
    }

    @Test
    void wrongTypeNamesTheFullKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.parse("executor:\n  workers: many\n"));
        assertEquals("executor.workers", e.key());
        assertEquals("executor.workers: expected a whole number, got 'many'", e.getMessage());
        assertEquals("limits.exempt_admins: expected true or false, got 'maybe'", error("limits:\n  exempt_admins: maybe\n"));
        assertEquals("executor: expected a section (key: value lines)", error("executor: 5\n").replaceAll(", got.*", ""));
        assertEquals("executor.workers: expected a whole number, got '2.5'", error("executor:\n  workers: 2.5\n"));
    }

    @Test
    void aQueueTimeoutOfZeroIsNamed() {
        assertEquals("executor.queue_timeout: must be longer than zero", error("executor:\n  queue_timeout: 0s\n"));
    }

    @Test
    void anUnknownKeyInEachCoreSectionIsNamedWithTheNearestKnownOne() {
        assertEquals("bot.nmae: unknown key (did you mean 'name'?)", error("bot:\n  nmae: x\n"));
        assertEquals("executor.wrokers: unknown key (did you mean 'workers'?)", error("executor:\n  wrokers: 2\n"));
        assertEquals("limits.per_usr: unknown key (did you mean 'per_user'?)", error("limits:\n  per_usr: {}\n"));
        assertEquals("limits.per_chat.capcity: unknown key (did you mean 'capacity'?)", error("limits:\n  per_chat:\n    capcity: 3\n"));
        assertEquals("adapters.console.enabld: unknown key (did you mean 'enabled'?)",
                assertThrows(ConfigException.class, () -> BotConfig.parse("adapters:\n  console:\n    enabld: true\n").console()).getMessage());
        String far = error("executor:\n  zzzzzzzzzzzz: 1\n");
        assertTrue(far.startsWith("executor.zzzzzzzzzzzz: unknown key; known here: [command_timeout, max_attachment_bytes, queue, queue_timeout, workers]"), far);
    }

    @Test
    void unknownTopLevelKeysAndChildrenAreNamed() {
        BotConfig config = BotConfig.parse("adaptors: {}\n");
        ConfigException top = assertThrows(ConfigException.class, () -> config.requireKnownTopLevel(List.of()));
        assertEquals("adaptors: unknown top-level key (did you mean 'adapters'?)", top.getMessage());
        BotConfig plugins = BotConfig.parse("plugins:\n  serach:\n    enabled: false\n");
        ConfigException child = assertThrows(ConfigException.class, () -> plugins.requireKnownChildren("plugins", List.of("core", "search"), "plugin"));
        assertEquals("plugins.serach: unknown plugin (did you mean 'search'?)", child.getMessage());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("executor.command_timeout: expected a duration such as 30s, 5m or 500ms, got 'soon'", error("executor:\n  command_timeout: soon\n"));
        assertEquals("limits.per_user.capacity: must be greater than zero", error("limits:\n  per_user:\n    capacity: 0\n"));
        assertEquals("executor.max_attachment_bytes: expected a size such as 20MB or 512KB, got 'big'", error("executor:\n  max_attachment_bytes: big\n"));
        assertEquals("adapters.console.enabled: expected auto, true or false, got 'sometimes'",
                assertThrows(ConfigException.class, () -> BotConfig.parse("adapters:\n  console:\n    enabled: sometimes\n").console()).getMessage());
        BotConfig config = BotConfig.parse("plugins:\n  search:\n    enabled: maybe\n");
        assertEquals("plugins.search.enabled: expected true or false, got 'maybe'",
                assertThrows(ConfigException.class, () -> config.pluginEnabled("search")).getMessage());
    }

    @Test
    void malformedYamlGivesLineAndColumnOnOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acgbot.yaml");
        Files.writeString(file, "bot:\n  name: x\n   data_dir: [\n");
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.load(file));
        assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aKeyWrittenTwiceIsReportedRatherThanTheSecondSilentlyWinning() {
        String e = error("executor:\n  workers: 2\n  workers: 8\n");
        assertTrue(e.startsWith("config line 3 column ") && e.contains("Duplicate field 'workers'"), e);
    }

    @Test
    void environmentOverridesSecretsAndTheDataDirectory() {
        BotConfig config = BotConfig.parse("adapters:\n  telegram:\n    token: from-file\n",
                Map.of("TELEGRAM_BOT_TOKEN", "123:from-env", "DISCORD_TOKEN", "  ", "ACGBOT_DATA_DIR", "state"));
        assertEquals(new TokenSection("123:from-env", true), config.section(TokenSection.TELEGRAM));
        assertEquals(new TokenSection("", true), config.section(TokenSection.DISCORD), "blank variables are ignored");
        assertEquals(Path.of("").toAbsolutePath().resolve("state"), config.dataDir(), "a relative path from the shell means the shell's directory");
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesDirectory(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("etc")).resolve("acgbot.yaml");
        Files.writeString(file, "bot:\n  data_dir: ../state\n  plugins_dir: jars\n");
        BotConfig config = BotConfig.load(file, Map.of());
        assertEquals(dir.resolve("state").toAbsolutePath(), config.dataDir());
        assertEquals(dir.resolve("etc/jars").toAbsolutePath(), config.pluginsDir());
        Files.writeString(file, "bot:\n  name: x\n");
        assertEquals(dir.resolve("etc/data").toAbsolutePath(), BotConfig.load(file, Map.of()).dataDir(), "the default too");
    }

    @Test
    void sizesAndDurationsParse() {
        BotConfig config = BotConfig.parse("executor:\n  max_attachment_bytes: 20MB\n  command_timeout: 500ms\n");
        assertEquals(new DataSize(20L << 20), config.executor().maxAttachmentBytes());
        assertEquals(Duration.ofMillis(500), config.executor().commandTimeout());
        assertEquals(Duration.ofSeconds(90), BotConfig.parse("executor:\n  command_timeout: 90\n").executor().commandTimeout());
        assertEquals("25MB", DataSize.ofMegabytes(25).toString());
    }
}
