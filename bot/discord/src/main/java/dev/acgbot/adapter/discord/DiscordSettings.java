package dev.acgbot.adapter.discord;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.ConfigSection;
import net.dv8tion.jda.api.Permission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code adapters.discord} configuration.
 *
 * @param token            the bot token from the Developer Portal (the core overlays {@code DISCORD_TOKEN})
 * @param guildIds         register commands in these guilds only (instant, for development); empty means globally
 * @param adminPermission  members with this permission count as admins; empty means only the core's admin list
 * @param adminGuildIds    the servers where {@code adminPermission} counts: anywhere else (a server of anyone
 *                         who invited the bot) it does not, or they could run /reindex full there
 * @param registerCommands whether to publish the slash and context-menu commands at start
 * @param contextMenus     whether to add the message context-menu commands "Tag image" and "Find similar"
 * @param readyTimeout     how long start waits for the gateway to become ready
 * @param restBaseUrl      Discord REST base (a proxy or a test server), or empty for Discord's own
 * @param gatewayUrl       gateway WebSocket URL (a test server), or empty for Discord's own
 */
public record DiscordSettings(String token, List<Long> guildIds, Optional<Permission> adminPermission,
                              List<Long> adminGuildIds, boolean registerCommands, boolean contextMenus, Duration readyTimeout,
                              Optional<String> restBaseUrl, Optional<String> gatewayUrl) {

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        guildIds = List.copyOf(guildIds);
        Objects.requireNonNull(adminPermission, "adminPermission");
        adminGuildIds = List.copyOf(adminGuildIds);
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    }

    /** Reads and validates the section; errors name the full key and never echo the token. */
    public static DiscordSettings from(ConfigSection section) {
        String token = section.string("token").map(String::strip).orElse("");
        if (token.isEmpty()) {
            throw new ConfigException(key(section, "token"), "missing: set it or the DISCORD_TOKEN environment variable");
        }
        if (token.contains(" ")) {
            throw new ConfigException(key(section, "token"), "contains spaces: paste the bot token alone, without 'Bot '");
        }
        List<Long> guildIds = guildIds(section, "guild_ids");
        Optional<Permission> permission = section.string("admin_permission")
                .map(String::strip)
                .filter(p -> !p.isEmpty() && !p.equalsIgnoreCase("none"))
                .map(p -> parsePermission(section, p));
        List<Long> adminGuildIds = section.stringList("admin_guild_ids").isEmpty() ? guildIds : guildIds(section, "admin_guild_ids");
        if (permission.isPresent() && adminGuildIds.isEmpty()) {
            throw new ConfigException(key(section, "admin_permission"), "set admin_guild_ids (or guild_ids) to the servers where it "
                    + "counts: otherwise the admins of any server that invites the bot could run admin commands such as /reindex");
        }
        Duration readyTimeout = section.duration("ready_timeout", Duration.ofSeconds(60));
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new ConfigException(key(section, "ready_timeout"), "must be positive");
        }
        Optional<String> rest = section.string("rest_base_url").map(String::strip).filter(s -> !s.isEmpty());
        if (rest.isPresent() && !rest.get().matches("https?://.+")) {
            throw new ConfigException(key(section, "rest_base_url"), "must be an http(s) URL: " + rest.get());
        }
        Optional<String> gateway = section.string("gateway_url").map(String::strip).filter(s -> !s.isEmpty());
        if (gateway.isPresent() && !gateway.get().matches("wss?://.+")) {
            throw new ConfigException(key(section, "gateway_url"), "must be a ws(s) URL: " + gateway.get());
        }
        return new DiscordSettings(token, guildIds, permission, adminGuildIds, section.bool("register_commands", true),
                section.bool("context_menus", true), readyTimeout, rest, gateway);
    }

    private static List<Long> guildIds(ConfigSection section, String name) {
        List<Long> ids = new ArrayList<>();
        for (String id : section.stringList(name)) {
            try {
                ids.add(Long.parseUnsignedLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException(key(section, name), "not a guild id (a number): " + id);
            }
        }
        return ids;
    }

    private static Permission parsePermission(ConfigSection section, String name) {
        String normalized = name.toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Permission p : Permission.values()) {
            if (p.name().equals(normalized) || p.getName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new ConfigException(key(section, "admin_permission"),
                "unknown Discord permission '" + name + "' (for example MANAGE_SERVER, ADMINISTRATOR, MODERATE_MEMBERS)");
    }

    private static String key(ConfigSection section, String name) {
        return section.path().isEmpty() ? name : section.path() + "." + name;
    }

    @Override
    public String toString() {
        return "DiscordSettings[guildIds=" + guildIds + ", adminPermission=" + adminPermission + ", adminGuildIds=" + adminGuildIds + ", registerCommands="
                + registerCommands + ", contextMenus=" + contextMenus + ", readyTimeout=" + readyTimeout
                + ", restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }
}
