package dev.acgbot.adapter.discord;

import dev.acgbot.api.adapter.ChatAdapterFactory;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.core.config.BotConfig;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscordSettingsTest {

    private static DiscordSettings.Section section(String yaml, Map<String, String> env) {
        return BotConfig.parse(yaml, env).section(DiscordSettings.SECTION);
    }

    @Test
    void theTokenComesFromTheEnvironmentAndDefaultsFillTheRest() {
        DiscordSettings.Section s = section("adapters: {discord: {}}", Map.of("DISCORD_TOKEN", "abc.def.ghi"));
        assertTrue(new DiscordAdapterFactory().isConfigured(s));
        DiscordSettings settings = DiscordSettings.from(s);
        assertEquals("abc.def.ghi", settings.token());
        assertEquals(List.of(), settings.guildIds());
        assertEquals(Optional.empty(), settings.adminPermission());
        assertTrue(settings.registerCommands());
        assertTrue(settings.contextMenus());
        assertEquals(Duration.ofSeconds(60), settings.readyTimeout());
        assertFalse(settings.toString().contains("abc.def"));
    }

    @Test
    void everyKeyIsRead() {
        DiscordSettings settings = DiscordSettings.from(section("""
                adapters:
                  discord:
                    token: t
                    guild_ids: ["123456789012345678", 987654321098765432]
                    admin_permission: manage_server
                    register_commands: false
                    context_menus: false
                    ready_timeout: 2m
                    rest_base_url: http://127.0.0.1:9/api/v10/
                    gateway_url: ws://127.0.0.1:9/
                """, Map.of()));
        assertEquals(List.of(123456789012345678L, 987654321098765432L), settings.guildIds());
        assertEquals(Optional.of(Permission.MANAGE_SERVER), settings.adminPermission());
        assertFalse(settings.registerCommands());
        assertFalse(settings.contextMenus());
        assertEquals(Duration.ofMinutes(2), settings.readyTimeout());
        assertEquals(Optional.of("http://127.0.0.1:9/api/v10/"), settings.restBaseUrl());
        assertEquals(Optional.of("ws://127.0.0.1:9/"), settings.gatewayUrl());
    }

    @Test
    void theAdminPermissionCountsOnlyInServersTheOperatorNamed() {
        ConfigException unscoped = assertThrows(ConfigException.class, () -> DiscordSettings.from(
                section("adapters: {discord: {token: t, admin_permission: MANAGE_SERVER}}", Map.of())));
        assertEquals("adapters.discord.admin_permission", unscoped.key());
        assertTrue(unscoped.getMessage().contains("admin_guild_ids"), unscoped.getMessage());
        DiscordSettings scoped = DiscordSettings.from(section(
                "adapters: {discord: {token: t, admin_permission: MANAGE_SERVER, admin_guild_ids: ['42']}}", Map.of()));
        assertEquals(List.of(42L), scoped.adminGuildIds());
        assertEquals(List.of(), scoped.guildIds(), "commands are still registered globally");
        DiscordSettings byGuilds = DiscordSettings.from(section(
                "adapters: {discord: {token: t, admin_permission: MANAGE_SERVER, guild_ids: ['7']}}", Map.of()));
        assertEquals(List.of(7L), byGuilds.adminGuildIds(), "the registration servers are the default");
    }

    @Test
    void mistakesNameTheKey() {
        assertEquals("adapters.discord.admin_permission", assertThrows(ConfigException.class, () -> DiscordSettings.from(
                section("adapters: {discord: {token: t, admin_permission: BE_NICE}}", Map.of()))).key());
        assertEquals("adapters.discord.guild_ids", assertThrows(ConfigException.class, () -> DiscordSettings.from(
                section("adapters: {discord: {token: t, guild_ids: [my-server]}}", Map.of()))).key());
        ConfigException token = assertThrows(ConfigException.class, () -> DiscordSettings.from(
                section("adapters: {discord: {token: 'Bot secret-value'}}", Map.of())));
        assertEquals("adapters.discord.token", token.key());
        assertFalse(token.getMessage().contains("secret-value"));
    }

    @Test
    void unknownKeysAndWrongTypesInTheSectionAreNamed() {
        assertEquals("adapters.discord.guild_id: unknown key (did you mean 'guild_ids'?)",
                assertThrows(ConfigException.class, () -> section("adapters: {discord: {guild_id: [1]}}", Map.of())).getMessage());
        assertEquals("adapters.discord.context_menus: expected true or false, got 'sure'",
                assertThrows(ConfigException.class, () -> section("adapters: {discord: {context_menus: sure}}", Map.of())).getMessage());
    }

    @Test
    void disabledOrTokenlessAdaptersAreNotConfiguredAndTheFactoryIsDiscoverable() {
        assertFalse(new DiscordAdapterFactory().isConfigured(section("adapters: {discord: {token: t, enabled: false}}", Map.of())));
        assertFalse(new DiscordAdapterFactory().isConfigured(section("adapters: {discord: {}}", Map.of())));
        assertTrue(ServiceLoader.load(ChatAdapterFactory.class).stream().anyMatch(p -> p.type() == DiscordAdapterFactory.class));
    }
}
