package dev.acgbot.adapter.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acgbot.adapter.discord.fake.FakeDiscordRest;
import dev.acgbot.adapter.discord.fake.FakeGateway;
import dev.acgbot.adapter.discord.fake.Interactions;
import dev.acgbot.adapter.discord.fake.RestCall;
import dev.acgbot.adapterkit.links.LinkFetchRules;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Tag image" on a message whose image is an embed (a pasted link Discord unfurled), through the real JDA and core
 * against the fake Discord: the embed's proxied copy is fetched under the link rules, and a private address is refused.
 */
class DiscordEmbedImagesTest {
    private static final String TOKEN = "MTEx.fake-discord.token-value";
    private static final String APP_ID = "900000000000000009";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] ART = {(byte) 0x89, 'P', 'N', 'G', 9, 8, 7};
    private static final ObjectNode ALICE = Interactions.user("900000000000000003", "Alice");
    private static final ObjectNode ARTIST = Interactions.user("900000000000000004", "Artist");

    private FakeDiscordRest rest;
    private FakeGateway gateway;
    private BotRuntime runtime;
    private int port;

    @BeforeEach
    void start() throws Exception {
        ObjectNode self = Interactions.selfUser(APP_ID);
        rest = new FakeDiscordRest(TOKEN, self);
        gateway = new FakeGateway(self, APP_ID);
        // media.test plays Discord's media proxy and origin.test the site; both are the fake server on 127.0.0.1
        LinkFetchRules links = LinkFetchRules.defaults().withTestOnlyAllowed(host -> switch (host) {
            case "media.test", "origin.test" -> List.of(InetAddress.getLoopbackAddress());
            default -> throw new UnknownHostException(host);
        }, Set.of(InetAddress.getLoopbackAddress()));
        DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings(TOKEN, List.of(), Optional.empty(), List.of(), true, true,
                Duration.ofSeconds(20), Optional.of(rest.apiBaseUrl()), Optional.of(gateway.url())), links);
        runtime = BotRuntime.start(BotConfig.parse("limits: {per_user: {capacity: 50, refill_per_minute: 600}}"),
                List.of(new ReadImagesPlugin()), List.of(adapter));
        assertTrue(runtime.adapterStates().get(0).running(), () -> "adapter did not start: " + runtime.adapterStates());
        gateway.identify(WAIT.toMillis());
        assertEquals("GET users/@me", line(rest.next(WAIT)));
        assertEquals("PUT applications/" + APP_ID + "/commands", line(rest.next(WAIT)));
        port = Integer.parseInt(rest.cdnUrl("art.png", ART).replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/.*$", "$1"));
    }

    @AfterEach
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        gateway.close();
        rest.close();
    }

    private static String snowflake(int n) {
        return String.valueOf(((System.currentTimeMillis() - 1_420_070_400_000L) << 22) + n);
    }

    private static String line(RestCall call) {
        return call.method() + " " + call.path();
    }

    /** "Tag image" on a message with this text and these embeds; the follow-up's text. */
    private String tagImage(int n, String content, ObjectNode... embeds) throws Exception {
        String id = snowflake(n);
        ArrayNode list = Interactions.array();
        for (ObjectNode e : embeds) {
            list.add(e);
        }
        gateway.dispatch("INTERACTION_CREATE", Interactions.messageCommandOnEmbeds(id, APP_ID, ALICE, Interactions.MEMBER,
                "Tag image", "60" + n, ARTIST, content, list));
        assertEquals("POST interactions/" + id + "/interaction-token-" + id + "/callback", line(rest.next(WAIT)));
        RestCall answer = rest.next(WAIT);
        assertEquals("POST webhooks/" + APP_ID + "/interaction-token-" + id, line(answer));
        return answer.body().get("content").asText();
    }

    @Test
    void anUnfurledImageLinkIsReadFromItsProxiedCopy() throws Exception {
        String origin = "http://origin.test:" + port + "/cdn/not-there.png";
        String proxied = "http://media.test:" + port + "/cdn/art.png";
        assertEquals("art.png: 7 bytes", tagImage(1, origin, Interactions.imageEmbed(origin, proxied)));
    }

    @Test
    void anEmbedWithoutAProxiedCopyIsReadFromItsLinkAndALinkWithoutEmbedFromTheText() throws Exception {
        String origin = "http://origin.test:" + port + "/cdn/art.png";
        assertEquals("art.png: 7 bytes", tagImage(2, "look", Interactions.imageEmbed(origin, null)));
        assertEquals("art.png: 7 bytes", tagImage(3, "look at " + origin + " !"));
    }

    /** /tag with these options; the follow-up's text. */
    private String slashTag(int n, ObjectNode... options) throws Exception {
        String id = snowflake(n);
        ArrayNode list = Interactions.array();
        for (ObjectNode o : options) {
            list.add(o);
        }
        gateway.dispatch("INTERACTION_CREATE", Interactions.slash(id, APP_ID, ALICE, Interactions.MEMBER, "tag", list, null));
        assertEquals("POST interactions/" + id + "/interaction-token-" + id + "/callback", line(rest.next(WAIT)));
        RestCall answer = rest.next(WAIT);
        assertEquals("POST webhooks/" + APP_ID + "/interaction-token-" + id, line(answer));
        return answer.body().get("content").asText();
    }

    private static ObjectNode link(String value) {
        return Interactions.object().put("name", "link").put("type", 3).put("value", value);
    }

    @Test
    void aSlashCommandsLinkOptionIsItsImageFetchedUnderTheLinkRules() throws Exception {
        assertEquals("art.png: 7 bytes", slashTag(5, link("http://origin.test:" + port + "/cdn/art.png")));
        assertEquals("art.png: 7 bytes", slashTag(6, link("see <http://origin.test:" + port + "/cdn/art.png>")));
        assertEquals("⚠ I can't fetch images from 169.254.169.254: that address is not on the public internet.",
                slashTag(7, link("http://169.254.169.254/latest/meta-data/iam.png")));
        assertEquals("⚠ I only open http:// and https:// links.", slashTag(8, link("my cat picture")));
    }

    @Test
    void anEmbedPointingAtAPrivateAddressIsRefused() throws Exception {
        String metadata = "http://169.254.169.254/latest/meta-data/iam.png";
        assertEquals("⚠ I can't fetch images from 169.254.169.254: that address is not on the public internet.",
                tagImage(4, metadata, Interactions.imageEmbed(metadata, null)));
    }

    /** /tag that reads its first image and says which file it got. */
    static final class ReadImagesPlugin implements Plugin {
        @Override
        public String id() {
            return "read-images";
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(BotCommand.of(CommandSpec.builder("tag", "Reads its image").attachment("image", "the image", false)
                    .usesRepliedImages().contextMenu("Tag image").build(), ctx -> {
                        List<Attachment> images = ctx.request().images();
                        ctx.reply(images.isEmpty() ? "no image" : images.get(0).fileName() + ": " + images.get(0).read(1_000_000).length + " bytes");
                    }));
        }
    }
}
