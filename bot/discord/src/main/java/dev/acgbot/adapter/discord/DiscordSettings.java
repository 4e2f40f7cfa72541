package dev.acgbot.adapter.discord;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;
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
 * @param contextMenus     whether to add the message context-menu commands the command specs name (e.g. "Tag image")
 * @param readyTimeout     how long start waits for the gateway to become ready
 * @param restBaseUrl      Discord REST base (a proxy or a test server), or empty for Discord's own
 * @param gatewayUrl       gateway WebSocket URL (a test server), or empty for Discord's own
 */
public record DiscordSettings(String token, List<Long> guildIds, Optional<Permission> adminPermission,
                              List<Long> adminGuildIds, boolean registerCommands, boolean contextMenus, Duration readyTimeout,
                              Optional<String> restBaseUrl, Optional<String> gatewayUrl) {

    /**
     * The section as written in the file, bound by the core; {@link #from} checks it and builds the settings.
     *
     * @param enabled false keeps the adapter off even with a token
     */
    public record Section(String token, boolean enabled, List<String> guildIds, String adminPermission, List<String> adminGuildIds,
                          boolean registerCommands, boolean contextMenus, Duration readyTimeout, String restBaseUrl, String gatewayUrl) {
        public static final Section DEFAULTS = new Section("", true, List.of(), "", List.of(), true, true, Duration.ofSeconds(60), "", "");

        public Section {
            guildIds = List.copyOf(guildIds);
            adminGuildIds = List.copyOf(adminGuildIds);
        }

        /** Whether the adapter should run: enabled, with a token. */
        public boolean configured() {
            return enabled && token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Section[enabled=" + enabled + ", guildIds=" + guildIds + "]";
        }
    }

    public static final SettingsSection<Section> SECTION = new SettingsSection<>("adapters.discord", Section.class, Section.DEFAULTS);
    private static final String KEY = "adapters.discord.";

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        guildIds = List.copyOf(guildIds);
        Objects.requireNonNull(adminPermission, "adminPermission");
        adminGuildIds = List.copyOf(adminGuildIds);
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    }

    /** Validates the bound section; errors name the full key and never echo the token. */
    public static DiscordSettings from(Section section) {
        String token = section.token() == null ? "" : section.token().strip();
        if (token.isEmpty()) {
            throw new ConfigException(KEY + "token", "missing: set it or the DISCORD_TOKEN environment variable");
        }
        if (token.contains(" ")) {
            throw new ConfigException(KEY + "token", "contains spaces: paste the bot token alone, without 'Bot '");
        }
        List<Long> guildIds = guildIds(section.guildIds(), "guild_ids");
        Optional<Permission> permission = Optional.ofNullable(section.adminPermission())
                .map(String::strip)
                .filter(p -> !p.isEmpty() && !p.equalsIgnoreCase("none"))
                .map(DiscordSettings::parsePermission);
        List<Long> adminGuildIds = section.adminGuildIds().isEmpty() ? guildIds : guildIds(section.adminGuildIds(), "admin_guild_ids");
        if (permission.isPresent() && adminGuildIds.isEmpty()) {
            throw new ConfigException(KEY + "admin_permission", "set admin_guild_ids (or guild_ids) to the servers where it "
                    + "counts: otherwise the admins of any server that invites the bot could run admin commands such as /reindex");
        }
        Duration readyTimeout = section.readyTimeout();
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new ConfigException(KEY + "ready_timeout", "must be positive");
        }
        Optional<String> rest = Optional.ofNullable(section.restBaseUrl()).map(String::strip).filter(u -> !u.isEmpty());
        if (rest.isPresent() && !rest.get().matches("https?://.+")) {
            throw new ConfigException(KEY + "rest_base_url", "must be an http(s) URL: " + rest.get());
        }
        Optional<String> gateway = Optional.ofNullable(section.gatewayUrl()).map(String::strip).filter(u -> !u.isEmpty());
        if (gateway.isPresent() && !gateway.get().matches("wss?://.+")) {
            throw new ConfigException(KEY + "gateway_url", "must be a ws(s) URL: " + gateway.get());
        }
        return new DiscordSettings(token, guildIds, permission, adminGuildIds, section.registerCommands(), section.contextMenus(),
                readyTimeout, rest, gateway);
    }

    private static List<Long> guildIds(List<String> written, String name) {
        List<Long> ids = new ArrayList<>();
        for (String id : written) {
            try {
                ids.add(Long.parseUnsignedLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException(KEY + name, "not a guild id (a number): " + id);
            }
        }
        return ids;
    }

    private static Permission parsePermission(String name) {
        String normalized = name.toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Permission p : Permission.values()) {
            if (p.name().equals(normalized) || p.getName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new ConfigException(KEY + "admin_permission",
                "unknown Discord permission '" + name + "' (for example MANAGE_SERVER, ADMINISTRATOR, MODERATE_MEMBERS)");
    }

    @Override
    public String toString() {
        return "DiscordSettings[guildIds=" + guildIds + ", adminPermission=" + adminPermission + ", adminGuildIds=" + adminGuildIds + ", registerCommands="
                + registerCommands + ", contextMenus=" + contextMenus + ", readyTimeout=" + readyTimeout
                + ", restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }
}
