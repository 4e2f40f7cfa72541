package dev.acgbot.adapter.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acgbot.adapter.discord.fake.FakeDiscordRest;
import dev.acgbot.adapter.discord.fake.FakeGateway;
import dev.acgbot.adapter.discord.fake.Interactions;
import dev.acgbot.adapter.discord.fake.RestCall;
import dev.acgbot.commands.safety.ChatModes;
import dev.acgbot.commands.settings.SafetyMode;
import dev.acgbot.commands.safety.SafetyPolicy;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.gallery.rating.ContentRating;
import net.dv8tion.jda.api.Permission;
import dev.acgbot.testkit.RatedGalleryPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An explicit gallery image through the real JDA against the fake Discord: the vision plugin's policy decides
 * from the channel's NSFW flag (carried by the adapter as data), the adapter renders what it decided.
 */
class DiscordSafetyTest {
    private static final String TOKEN = "MTEx.fake-discord.safety-token";
    private static final String APP_ID = "900000000000000009";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectNode ALICE = Interactions.user("900000000000000003", "Alice");
    static final byte[] SAFE = {(byte) 0x89, 'P', 'N', 'G', 1, 1, 1};
    static final byte[] EXPLICIT = {(byte) 0x89, 'P', 'N', 'G', 6, 6, 6};

    @TempDir
    Path dir;
    private FakeDiscordRest rest;
    private FakeGateway gateway;
    private BotRuntime runtime;
    private ChatModes modes;
    private int interactions;

    @BeforeEach
    void start() throws Exception {
        ObjectNode self = Interactions.selfUser(APP_ID);
        rest = new FakeDiscordRest(TOKEN, self);
        gateway = new FakeGateway(self, APP_ID);
        DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings(TOKEN, List.of(), Optional.of(Permission.MANAGE_SERVER),
                List.of(Long.parseLong(Interactions.GUILD)), true, true, Duration.ofSeconds(20), Optional.of(rest.apiBaseUrl()),
                Optional.of(gateway.url())));
        modes = ChatModes.load(dir.resolve("modes.properties"));
        runtime = BotRuntime.start(BotConfig.parse("limits: {per_user: {capacity: 50, refill_per_minute: 600}}"),
                List.of(gallery(dir.resolve("gallery"), new SafetyPolicy(SafetySettings.DEFAULTS, modes))),
                List.of(adapter));
        gateway.identify(WAIT.toMillis());
        assertEquals("GET users/@me", line(rest.next(WAIT)));
        assertEquals("PUT applications/" + APP_ID + "/commands", line(rest.next(WAIT)));
    }

    @AfterEach
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        gateway.close();
        rest.close();
    }

    /** Sends /search in a channel with the given NSFW flag; returns the follow-up with the answer. */
    private RestCall search(boolean nsfw) throws Exception {
        String id = String.valueOf(((System.currentTimeMillis() - 1_420_070_400_000L) << 22) + ++interactions);
        ArrayNode options = Interactions.array();
        options.addObject().put("name", "query").put("type", 3).put("value", "art");
        gateway.dispatch("INTERACTION_CREATE", Interactions.slash(id, APP_ID, ALICE, Interactions.MEMBER, "search", options, null, nsfw));
        assertEquals("POST interactions/" + id + "/interaction-token-" + id + "/callback", line(rest.next(WAIT)));
        RestCall answer = rest.next(WAIT);
        assertEquals("POST webhooks/" + APP_ID + "/interaction-token-" + id, line(answer));
        return answer;
    }

    @Test
    void anExplicitImageIsNotUploadedToAChannelThatIsNotAgeRestricted() throws Exception {
        RestCall answer = search(false);
        assertEquals("2 results, 1 result hidden in this channel", answer.body().get("content").asText());
        assertEquals(Set.of("0_safe.png"), answer.files().keySet());
        assertArrayEquals(SAFE, answer.files().get("0_safe.png"));
        assertEquals(1, answer.body().get("embeds").size());
        assertFalse(answer.body().toString().contains("explicit"), "the reply never names what was hidden: " + answer.body());
        assertNull(rest.poll(Duration.ofMillis(300)), "nothing else was sent");
    }

    @Test
    void anAgeRestrictedChannelGetsBothImagesPlainly() throws Exception {
        RestCall answer = search(true);
        assertEquals("2 results", answer.body().get("content").asText());
        assertEquals(Set.of("0_safe.png", "1_explicit.png"), answer.files().keySet());
        assertArrayEquals(EXPLICIT, answer.files().get("1_explicit.png"));
        assertEquals("attachment://1_explicit.png", answer.body().get("embeds").get(1).get("image").get("url").asText());
    }

    @Test
    void inSpoilerModeTheExplicitImageIsASpoilerAttachmentOutsideAnyEmbed() throws Exception {
        modes.set("discord", Interactions.CHANNEL, SafetyMode.SPOILER);
        RestCall answer = search(false);
        assertEquals("2 results", answer.body().get("content").asText());
        assertEquals(Set.of("0_safe.png", "SPOILER_1_explicit.png"), answer.files().keySet());
        assertArrayEquals(EXPLICIT, answer.files().get("SPOILER_1_explicit.png"));
        JsonNode embeds = answer.body().get("embeds");
        assertEquals(2, embeds.size());
        assertEquals("attachment://0_safe.png", embeds.get(0).get("image").get("url").asText());
        assertNull(embeds.get(1).get("image"), "Discord does not blur embed images: " + embeds);
        assertEquals("explicit", embeds.get(1).get("description").asText());
    }

    private static String line(RestCall call) {
        return call.method() + " " + call.path();
    }

    /** The vision plugin's policy as the test kit's gallery script screens with it. */
    static RatedGalleryPlugin gallery(Path root, SafetyPolicy policy) {
        return new RatedGalleryPlugin(root, SAFE, EXPLICIT, (request, items) -> {
            SafetyPolicy.Screened s = policy.screen(request, items.stream().map(i -> new SafetyPolicy.Rated(i.image(),
                    i.explicit() ? ContentRating.EXPLICIT : ContentRating.SAFE)).toList());
            return new RatedGalleryPlugin.Screened(s.shown(), s.notice());
        });
    }
}
