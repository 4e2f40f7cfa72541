package dev.acgbot.adapter.discord.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** INTERACTION_CREATE payloads as Discord sends them for a guild text channel. */
public final class Interactions {
    public static final String GUILD = "900000000000000001";
    public static final String CHANNEL = "900000000000000002";
    /** MANAGE_SERVER (1 << 5) plus SEND_MESSAGES (1 << 11). */
    public static final long MANAGER = (1L << 5) | (1L << 11);
    public static final long MEMBER = 1L << 11;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Interactions() {
    }

    public static ObjectNode user(String id, String name) {
        return JSON.createObjectNode().put("id", id).put("username", name.toLowerCase()).put("global_name", name)
                .put("discriminator", "0").putNull("avatar");
    }

    public static ObjectNode selfUser(String id) {
        return user(id, "acgbot").put("bot", true).put("verified", true).put("mfa_enabled", false);
    }

    /** A slash command; options are name/type/value triples. */
    public static ObjectNode slash(String id, String applicationId, ObjectNode user, long permissions, String command,
                                   ArrayNode options, ObjectNode resolved) {
        return slash(id, applicationId, user, permissions, command, options, resolved, false);
    }

    /** A slash command in a channel whose NSFW (age-restricted) flag is {@code nsfw}. */
    public static ObjectNode slash(String id, String applicationId, ObjectNode user, long permissions, String command,
                                   ArrayNode options, ObjectNode resolved, boolean nsfw) {
        ObjectNode data = JSON.createObjectNode().put("id", "1").put("name", command).put("type", 1);
        data.set("options", options);
        if (resolved != null) {
            data.set("resolved", resolved);
        }
        ObjectNode interaction = interaction(id, applicationId, user, permissions, data);
        ((ObjectNode) interaction.get("channel")).put("nsfw", nsfw);
        return interaction;
    }

    /** A message context-menu command on a message with the given attachments. */
    public static ObjectNode messageCommand(String id, String applicationId, ObjectNode user, long permissions, String name,
                                            String targetId, ObjectNode author, ArrayNode attachments) {
        ObjectNode message = JSON.createObjectNode().put("id", targetId).put("channel_id", CHANNEL).put("guild_id", GUILD)
                .put("content", "look").put("timestamp", "2024-01-01T00:00:00.000000+00:00").putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("type", 0).put("flags", 0);
        message.set("author", author);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("embeds");
        message.putArray("components");
        message.set("attachments", attachments);
        ObjectNode data = JSON.createObjectNode().put("id", "2").put("name", name).put("type", 3).put("target_id", targetId);
        data.putObject("resolved").putObject("messages").set(targetId, message);
        return interaction(id, applicationId, user, permissions, data);
    }

    /** A message context-menu command on a message with text and embeds (a pasted link Discord unfurled), no uploads. */
    public static ObjectNode messageCommandOnEmbeds(String id, String applicationId, ObjectNode user, long permissions, String name,
                                                    String targetId, ObjectNode author, String content, ArrayNode embeds) {
        ObjectNode interaction = messageCommand(id, applicationId, user, permissions, name, targetId, author, array());
        ObjectNode message = (ObjectNode) interaction.get("data").get("resolved").get("messages").get(targetId);
        message.put("content", content);
        message.set("embeds", embeds);
        return interaction;
    }

    /** The embed Discord makes of a pasted image link: type image, the link as url and thumbnail, its proxied copy. */
    public static ObjectNode imageEmbed(String url, String proxyUrl) {
        ObjectNode embed = JSON.createObjectNode().put("type", "image").put("url", url);
        ObjectNode thumbnail = embed.putObject("thumbnail").put("url", url).put("width", 8).put("height", 8);
        if (proxyUrl != null) {
            thumbnail.put("proxy_url", proxyUrl);
        }
        return embed;
    }

    /** A GUILD_CREATE payload: one text channel, the @everyone role, the bot as the only member. */
    public static ObjectNode guild(String id, String name, ObjectNode self) {
        ObjectNode g = JSON.createObjectNode().put("id", id).put("name", name).put("owner_id", "900000000000000042")
                .put("preferred_locale", "en-US").put("afk_timeout", 300).put("verification_level", 0)
                .put("default_message_notifications", 0).put("explicit_content_filter", 0).put("mfa_level", 0)
                .put("nsfw_level", 0).put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("system_channel_flags", 0).put("member_count", 1).put("max_members", 500000).put("large", false)
                .put("unavailable", false).put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .put("premium_progress_bar_enabled", false);
        for (String key : List.of("icon", "splash", "banner", "description", "vanity_url_code", "afk_channel_id",
                "system_channel_id", "rules_channel_id", "public_updates_channel_id", "safety_alerts_channel_id")) {
            g.putNull(key);
        }
        g.putArray("features");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("threads");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        ObjectNode everyone = g.putArray("roles").addObject().put("id", id).put("name", "@everyone").put("permissions", "2048")
                .put("position", 0).put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
        everyone.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        ObjectNode channel = g.putArray("channels").addObject().put("id", CHANNEL).put("type", 0).put("name", "art")
                .put("position", 0).put("nsfw", false).put("rate_limit_per_user", 0);
        channel.putNull("parent_id");
        channel.putNull("topic");
        channel.putNull("last_message_id");
        channel.putArray("permission_overwrites");
        ObjectNode member = g.putArray("members").addObject().put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
        member.set("user", self);
        member.putArray("roles");
        return g;
    }

    public static ObjectNode attachment(String id, String fileName, String contentType, long size, String url) {
        return JSON.createObjectNode().put("id", id).put("filename", fileName).put("size", size).put("url", url)
                .put("proxy_url", url).put("content_type", contentType).put("width", 64).put("height", 48);
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static ObjectNode interaction(String id, String applicationId, ObjectNode user, long permissions, ObjectNode data) {
        ObjectNode i = JSON.createObjectNode().put("id", id).put("application_id", applicationId).put("type", 2)
                .put("version", 1).put("token", "interaction-token-" + id).put("guild_id", GUILD).put("channel_id", CHANNEL)
                .put("app_permissions", "2048").put("locale", "en-US").put("guild_locale", "en-US").put("context", 0);
        i.putObject("guild").put("id", GUILD).put("locale", "en-US").putArray("features");
        ObjectNode channel = i.putObject("channel").put("id", CHANNEL).put("type", 0).put("guild_id", GUILD).put("name", "art")
                .put("position", 0).put("permissions", String.valueOf(permissions)).put("nsfw", false).put("rate_limit_per_user", 0);
        channel.putNull("parent_id");
        channel.putNull("last_message_id");
        ObjectNode member = i.putObject("member").put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false)
                .put("mute", false).put("flags", 0).put("pending", false).put("permissions", String.valueOf(permissions));
        member.set("user", user);
        member.putArray("roles");
        i.putObject("authorizing_integration_owners").put("0", GUILD);
        i.putArray("entitlements");
        i.set("data", data);
        return i;
    }
}
