package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.command.Attachment;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.interactions.command.SlashCommandInteractionImpl;
import net.dv8tion.jda.internal.utils.config.AuthorizationConfig;
import net.dv8tion.jda.internal.utils.config.ThreadingConfig;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slash-command payloads as Discord sends them, parsed by JDA's own interaction classes (no gateway, no REST),
 * then mapped to the core's command call. Context-menu commands need JDA's message parsing, which needs a
 * gateway session: {@code DiscordFakeServerTest} covers them against a local fake gateway.
 */
class InteractionMapperTest {
    static final String GUILD = "900000000000000001";
    static final String CHANNEL = "900000000000000002";
    static final String USER = "900000000000000003";
    static final String SELF = "900000000000000009";
    /** MANAGE_SERVER (1 << 5) and SEND_MESSAGES (1 << 11). */
    static final long MANAGER_PERMISSIONS = (1L << 5) | (1L << 11);

    /** Never used for a request here: nothing is downloaded. */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().build();

    private JDAImpl jda;
    private ThreadingConfig threads;

    @BeforeEach
    void setUp() {
        // interaction hooks schedule their expiry on JDA's pools, which login would create
        threads = ThreadingConfig.getDefault();
        threads.init(() -> "mapper-test");
        jda = new JDAImpl(new AuthorizationConfig("not-a-real-token"), null, threads, null, null, null);
        jda.getEntityBuilder().createSelfUser(DataObject.fromJson("""
                {"id":"%s","username":"acgbot","discriminator":"0","bot":true,"verified":true,"mfa_enabled":false}
                """.formatted(SELF)));
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    static String user(String id, String name) {
        return """
                {"id":"%s","username":"%s","global_name":"%s","discriminator":"0","avatar":null}""".formatted(id, name.toLowerCase(), name);
    }

    static String guildInteraction(String id, int dataType, String data, long permissions) {
        return """
                {"id":"%s","application_id":"%s","type":2,"version":1,"token":"interaction-token-%s",
                 "guild_id":"%s","guild":{"id":"%s","features":[],"locale":"en-US"},
                 "channel_id":"%s","channel":{"id":"%s","type":0,"guild_id":"%s","name":"art","position":0,
                   "permissions":"%d","nsfw":false,"parent_id":null,"topic":null,"last_message_id":null,"rate_limit_per_user":0},
                 "member":{"user":%s,"roles":[],"joined_at":"2024-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,
                   "flags":0,"pending":false,"nick":"Sakura","permissions":"%d"},
                 "app_permissions":"2048","locale":"en-US","guild_locale":"en-US","context":0,
                 "authorizing_integration_owners":{"0":"%s"},"entitlements":[],
                 "data":%s}
                """.formatted(id, SELF, id, GUILD, GUILD, CHANNEL, CHANNEL, GUILD, permissions, user(USER, "Sakura"),
                permissions, GUILD, data.formatted(dataType));
    }

    static String attachmentJson(String id, String name, String type, long size) {
        return """
                {"id":"%s","filename":"%s","size":%d,"url":"https://cdn.discordapp.com/attachments/1/%s/%s",
                 "proxy_url":"https://media.discordapp.net/attachments/1/%s/%s","content_type":"%s","width":640,"height":480}
                """.formatted(id, name, size, id, name, id, name, type);
    }

    @Test
    void slashOptionsBecomeStringsNumbersAndAttachments() {
        String data = """
                {"id":"1","name":"tag","type":%d,
                 "options":[{"name":"image","type":11,"value":"700"},{"name":"threshold","type":10,"value":0.35},
                            {"name":"mode","type":3,"value":"樱花 <3"}],
                 "resolved":{"attachments":{"700":%s}}}
                """.replace("%s", attachmentJson("700", "art.png", "image/png", 12345)).replace("%d", "%d");
        var interaction = new SlashCommandInteractionImpl(jda, DataObject.fromJson(guildInteraction("800", 1, data, 1L << 11)));
        InboundCommand command = new InteractionMapper(Optional.of(Permission.MANAGE_SERVER), List.of(Long.parseLong(GUILD)), HTTP, Map.of()).slash(interaction);

        assertEquals("tag", command.command());
        Map<String, Object> options = command.options();
        assertEquals(List.of("image", "threshold", "mode"), List.copyOf(options.keySet()));
        assertEquals(0.35, (Double) options.get("threshold"), 1e-9);
        assertEquals("樱花 <3", options.get("mode"));
        Attachment image = assertInstanceOf(Attachment.class, options.get("image"));
        assertEquals("art.png", image.fileName());
        assertEquals(12345, image.declaredSize());
        assertEquals(Optional.of("image/png"), image.contentType());
        assertEquals("discord:700", image.sourceKey());
        assertTrue(command.attachments().isEmpty(), "option attachments are not repeated as message attachments");
        assertTrue(command.repliedTo().isEmpty());

        assertEquals("discord", command.origin().platform());
        assertEquals(CHANNEL, command.origin().chatId());
        assertEquals(USER, command.origin().user().id());
        assertEquals("Sakura", command.origin().user().displayName());
        assertFalse(command.origin().privateChat());
        assertFalse(command.origin().platformAdmin(), "SEND_MESSAGES alone is not MANAGE_SERVER");
    }

    @Test
    void aMemberWithTheConfiguredPermissionIsAPlatformAdmin() {
        String data = """
                {"id":"1","name":"reindex","type":%d,"options":[]}""";
        var interaction = new SlashCommandInteractionImpl(jda, DataObject.fromJson(guildInteraction("801", 1, data, MANAGER_PERMISSIONS)));
        assertTrue(new InteractionMapper(Optional.of(Permission.MANAGE_SERVER), List.of(Long.parseLong(GUILD)), HTTP, Map.of()).slash(interaction).origin().platformAdmin());
        assertFalse(new InteractionMapper(Optional.empty(), List.of(Long.parseLong(GUILD)), HTTP, Map.of()).slash(interaction).origin().platformAdmin(),
                "without admin_permission only the core's admin list counts");
    }

    @Test
    void thePermissionCountsOnlyInTheConfiguredServersNotInOneAnyoneInvitedTheBotTo() {
        String data = """
                {"id":"1","name":"reindex","type":%d,"options":[]}""";
        var interaction = new SlashCommandInteractionImpl(jda, DataObject.fromJson(guildInteraction("802", 1, data, MANAGER_PERMISSIONS)));
        assertFalse(new InteractionMapper(Optional.of(Permission.MANAGE_SERVER), List.of(123L), HTTP, Map.of()).slash(interaction).origin().platformAdmin(),
                "MANAGE_SERVER in a server that is not the operator's makes no admin");
    }

    @Test
    void aDirectMessageIsAPrivateChat() {
        String json = """
                {"id":"805","application_id":"%s","type":2,"version":1,"token":"t","channel_id":"910",
                 "channel":{"id":"910","type":1,"recipients":[%s],"last_message_id":null,"flags":0},
                 "user":%s,"locale":"en-US","context":1,"authorizing_integration_owners":{"0":"%s"},"entitlements":[],
                 "data":{"id":"1","name":"search","type":1,"options":[{"name":"query","type":3,"value":"樱花"}]}}
                """.formatted(SELF, user(USER, "Sakura"), user(USER, "Sakura"), USER);
        InboundCommand command = new InteractionMapper(Optional.of(Permission.MANAGE_SERVER), List.of(Long.parseLong(GUILD)), HTTP, Map.of())
                .slash(new SlashCommandInteractionImpl(jda, DataObject.fromJson(json)));
        assertTrue(command.origin().privateChat());
        assertFalse(command.origin().platformAdmin());
        assertEquals("910", command.origin().chatId());
        assertEquals(Map.of("query", "樱花"), command.options());
    }
}
