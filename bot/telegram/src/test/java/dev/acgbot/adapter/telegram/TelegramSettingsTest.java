package dev.acgbot.adapter.telegram;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramSettingsTest {

    private static TelegramSettings.Section section(String yaml, Map<String, String> env) {
        return BotConfig.parse(yaml, env).section(TelegramSettings.SECTION);
    }

    @Test
    void theTokenComesFromTheEnvironmentAndDefaultsFillTheRest() {
        TelegramSettings.Section s = section("adapters: {telegram: {enabled: true}}", Map.of("TELEGRAM_BOT_TOKEN", "123:abc_DEF-ghi"));
        assertTrue(new TelegramAdapterFactory().isConfigured(s));
        TelegramSettings settings = TelegramSettings.from(s);
        assertEquals("123:abc_DEF-ghi", settings.token());
        assertEquals("https://api.telegram.org", settings.baseUrl().toString());
        assertEquals(Duration.ofSeconds(50), settings.pollTimeout());
        assertEquals(20L * 1024 * 1024, settings.downloadLimit());
        assertFalse(settings.toString().contains("abc_DEF"), "toString never shows the token");
    }

    @Test
    void sharedSenderIdsAreRefusedAsAdminsWithTheReason() {
        for (String shared : new String[]{"1087968824", "136817688"}) {
            BotConfig config = BotConfig.parse("admins: {telegram: ['123456789', '" + shared + "']}", Map.of());
            ConfigException e = assertThrows(ConfigException.class,
                    () -> dev.acgbot.core.AdapterSelection.choose(config, getClass().getClassLoader()));
            assertEquals("admins.telegram", e.key());
            assertTrue(e.getMessage().contains(shared + " is ") && e.getMessage().contains("not one person"), e.getMessage());
        }
        BotConfig fine = BotConfig.parse("admins: {telegram: ['123456789']}", Map.of());
        assertTrue(dev.acgbot.core.AdapterSelection.choose(fine, getClass().getClassLoader()).chatAdapters().isEmpty());
    }

    @Test
    void everyKeyIsRead() {
        TelegramSettings settings = TelegramSettings.from(section("""
                adapters:
                  telegram:
                    token: "1:x"
                    base_url: http://127.0.0.1:8081/
                    poll_timeout: 20s
                    download_limit: 2GB
                    max_retry_wait: 10s
                    register_commands: false
                """, Map.of()));
        assertEquals("http://127.0.0.1:8081", settings.baseUrl().toString());
        assertEquals(Duration.ofSeconds(20), settings.pollTimeout());
        assertEquals(2L << 30, settings.downloadLimit());
        assertEquals(Duration.ofSeconds(10), settings.maxRetryWait());
        assertFalse(settings.registerCommands());
    }

    @Test
    void disabledOrTokenlessAdaptersAreNotConfigured() {
        assertFalse(new TelegramAdapterFactory().isConfigured(section("adapters: {telegram: {token: '1:x', enabled: false}}", Map.of())));
        assertFalse(new TelegramAdapterFactory().isConfigured(section("adapters: {telegram: {}}", Map.of())));
    }

    @Test
    void aMalformedTokenIsReportedWithoutEchoingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TelegramSettings.from(section("adapters: {telegram: {token: 'not a token secret'}}", Map.of())));
        assertEquals("adapters.telegram.token", e.key());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aBaseUrlWithAPathIsRefusedBecauseTheClientCannotUseIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TelegramSettings.from(section("adapters: {telegram: {token: '1:x', base_url: 'http://h/api'}}", Map.of())));
        assertEquals("adapters.telegram.base_url", e.key());
    }

    @Test
    void unknownKeysAndWrongTypesInTheSectionAreNamed() {
        assertEquals("adapters.telegram.tokn: unknown key (did you mean 'token'?)",
                assertThrows(ConfigException.class, () -> section("adapters: {telegram: {tokn: '1:x'}}", Map.of())).getMessage());
        assertEquals("adapters.telegram.poll_timeout: expected a duration such as 30s, 5m or 500ms, got 'long'",
                assertThrows(ConfigException.class, () -> section("adapters: {telegram: {poll_timeout: long}}", Map.of())).getMessage());
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        assertTrue(java.util.ServiceLoader.load(dev.acgbot.api.adapter.ChatAdapterFactory.class).stream()
                .anyMatch(p -> p.type() == TelegramAdapterFactory.class));
    }
}
