package dev.acgbot.adapter.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acgbot.adapter.discord.fake.FakeDiscordRest;
import dev.acgbot.adapter.discord.fake.FakeGateway;
import dev.acgbot.adapter.discord.fake.Interactions;
import dev.acgbot.adapter.discord.fake.RestCall;
import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real JDA against a fake Discord on 127.0.0.1 (REST and a WebSocket gateway), driven through the real
 * core: registration, slash and context-menu commands, deferred replies, follow-ups with files, progress edits.
 */
class DiscordFakeServerTest {
    private static final String TOKEN = "MTEx.fake-discord.token-value";
    private static final String APP_ID = "900000000000000009";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] ART = {(byte) 0x89, 'P', 'N', 'G', 9, 8, 7};
    private static final ObjectNode ALICE = Interactions.user("900000000000000003", "Alice");
    private static final ObjectNode MOD = Interactions.user("900000000000000005", "Mod");

    private FakeDiscordRest rest;
    private FakeGateway gateway;
    private BotRuntime runtime;
    private Set<Thread> threadsBefore;

    @BeforeEach
    void start() throws Exception {
        ObjectNode self = Interactions.selfUser(APP_ID);
        rest = new FakeDiscordRest(TOKEN, self);
        gateway = new FakeGateway(self, APP_ID);
        threadsBefore = Thread.getAllStackTraces().keySet();
        DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings(TOKEN, List.of(), Optional.of(Permission.MANAGE_SERVER),
                List.of(Long.parseLong(Interactions.GUILD)), true, true, Duration.ofSeconds(20), Optional.of(rest.apiBaseUrl()), Optional.of(gateway.url())));
        runtime = BotRuntime.start(BotConfig.parse("""
                limits:
                  per_user: {capacity: 50, refill_per_minute: 600}
                  per_chat: {capacity: 50, refill_per_minute: 600}
                """), List.of(new ScriptPlugin()), List.of(adapter));
        assertTrue(runtime.adapterStates().get(0).running(), () -> "adapter did not start: " + runtime.adapterStates());
    }

    @AfterEach
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        gateway.close();
        rest.close();
    }

    /** A snowflake from now: JDA refuses to answer interactions whose id says they are older than 15 minutes. */
    private static String snowflake(int n) {
        return String.valueOf(((System.currentTimeMillis() - 1_420_070_400_000L) << 22) + n);
    }

    @Test
    void slowRefusalsToOneMemberDoNotHoldUpAnotherMembersAnswer() throws Exception {
        gateway.identify(WAIT.toMillis());
        assertEquals("GET users/@me", line(rest.next(WAIT)));
        assertEquals("PUT applications/" + APP_ID + "/commands", line(rest.next(WAIT)));
        rest.slowFollowUps("is for the bot's admins only", Duration.ofSeconds(1));
        for (int i = 0; i < 8; i++) {
            String id = snowflake(100 + i);
            gateway.dispatch("INTERACTION_CREATE", Interactions.slash(id, APP_ID, ALICE, Interactions.MEMBER, "reindex",
                    Interactions.array(), null));
        }
        String idPing = snowflake(200);
        long sent = System.nanoTime();
        gateway.dispatch("INTERACTION_CREATE", Interactions.slash(idPing, APP_ID, MOD, Interactions.MEMBER, "ping",
                Interactions.array(), null));
        RestCall answer = rest.next(WAIT);
        while (!line(answer).equals("POST webhooks/" + APP_ID + "/interaction-token-" + idPing)) {
            answer = rest.next(WAIT);
        }
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(answer.body().get("content").asText().startsWith("pong"), answer.body().toString());
        assertTrue(millis < 1_000, "the other member's /ping waited " + millis + " ms behind 8 slow refusals");
    }

    @Test
    void registersCommandsAndAnswersInteractionsThroughFollowUps() throws Exception {
        String idSearch = snowflake(1);
        String idTagImage = snowflake(2);
        String idRefused = snowflake(3);
        String idReindex = snowflake(4);
        JsonNode identify = gateway.identify(WAIT.toMillis());
        long intents = identify.get("intents").asLong();
        assertEquals(0, intents & (1L << 15), "no MESSAGE_CONTENT");
        assertEquals(0, intents & ((1L << 1) | (1L << 8)), "no GUILD_MEMBERS, no GUILD_PRESENCES");

        assertEquals("GET users/@me", line(rest.next(WAIT)));
        RestCall registration = rest.next(WAIT);
        assertEquals("PUT applications/" + APP_ID + "/commands", line(registration));
        List<String> names = new ArrayList<>();
        registration.body().forEach(c -> names.add(c.get("name").asText()));
        assertTrue(names.containsAll(List.of("tag", "similar", "search", "reindex", "help", "Tag image", "Find similar")), names::toString);
        JsonNode tag = find(registration.body(), "tag");
        assertEquals(11, tag.get("options").get(0).get("type").asInt(), "an attachment option for the image");

        // /search 樱花: deferred at once, then the album as follow-ups of at most ten files
        ArrayNode options = Interactions.array();
        options.addObject().put("name", "query").put("type", 3).put("value", "樱花");
        gateway.dispatch("INTERACTION_CREATE", Interactions.slash(idSearch, APP_ID, ALICE, Interactions.MEMBER, "search", options, null));
        RestCall deferred = rest.next(WAIT);
        assertEquals("POST interactions/" + idSearch + "/interaction-token-" + idSearch + "/callback", line(deferred));
        assertEquals(5, deferred.body().get("type").asInt(), "DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE");
        RestCall first = rest.next(WAIT);
        assertEquals("POST webhooks/" + APP_ID + "/interaction-token-" + idSearch, line(first));
        assertEquals("12 results for **樱花**", first.body().get("content").asText());
        assertEquals(10, first.files().size());
        assertEquals(10, first.body().get("embeds").size());
        assertEquals("attachment://0_hit0.png", first.body().get("embeds").get(0).get("image").get("url").asText());
        assertArrayEquals(ScriptPlugin.result(0), first.files().get("0_hit0.png"));
        RestCall second = rest.next(WAIT);
        assertEquals(2, second.files().size());
        assertEquals(0, second.body().get("allowed_mentions").get("parse").size(), "nobody is pinged");

        // "Tag image" on a message: the target's image is downloaded and tagged
        String artUrl = rest.cdnUrl("art.png", ART);
        ArrayNode attachments = Interactions.array();
        attachments.add(Interactions.attachment("701", "art.png", "image/png", ART.length, artUrl));
        gateway.dispatch("INTERACTION_CREATE", Interactions.messageCommand(idTagImage, APP_ID, ALICE, Interactions.MEMBER, "Tag image",
                "600", Interactions.user("900000000000000004", "Artist"), attachments));
        assertEquals("POST interactions/" + idTagImage + "/interaction-token-" + idTagImage + "/callback", line(rest.next(WAIT)));
        RestCall tags = rest.next(WAIT);
        assertEquals("POST webhooks/" + APP_ID + "/interaction-token-" + idTagImage, line(tags));
        assertEquals("**Tags** for art.png (7 bytes): `:d` `^_^` `<3` ^\\_^", tags.body().get("content").asText());

        // /reindex without the permission: refused by the core
        gateway.dispatch("INTERACTION_CREATE", Interactions.slash(idRefused, APP_ID, ALICE, Interactions.MEMBER, "reindex",
                Interactions.array(), null));
        assertEquals("POST interactions/" + idRefused + "/interaction-token-" + idRefused + "/callback", line(rest.next(WAIT)));
        assertEquals("⚠ /reindex is for the bot's admins only.", rest.next(WAIT).body().get("content").asText());

        // ... and with MANAGE_SERVER: progress posted, edited twice, then the result
        gateway.dispatch("INTERACTION_CREATE", Interactions.slash(idReindex, APP_ID, MOD, Interactions.MANAGER, "reindex",
                Interactions.array(), null));
        assertEquals("POST interactions/" + idReindex + "/interaction-token-" + idReindex + "/callback", line(rest.next(WAIT)));
        RestCall progress = rest.next(WAIT);
        assertEquals("POST webhooks/" + APP_ID + "/interaction-token-" + idReindex, line(progress));
        assertEquals("Reindexing…", progress.body().get("content").asText());
        RestCall edit1 = rest.next(WAIT);
        RestCall edit2 = rest.next(WAIT);
        assertTrue(line(edit1).startsWith("PATCH webhooks/" + APP_ID + "/interaction-token-" + idReindex + "/messages/"), line(edit1));
        assertEquals(edit1.path(), edit2.path(), "the same message is edited");
        assertEquals("Reindexing: 2 of 3", edit1.body().get("content").asText());
        assertEquals("Reindexing: 3 of 3", edit2.body().get("content").asText());
        assertEquals("Reindexed 3 images.", rest.next(WAIT).body().get("content").asText());

        assertNull(rest.poll(Duration.ofMillis(300)), "nothing else was sent");

        runtime.close();
        runtime = null;
        assertNoThreadLeft();
    }

    private void assertNoThreadLeft() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        Set<String> left;
        do {
            left = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> !okHttpTaskRunner(e.getValue()))
                    .map(java.util.Map.Entry::getKey)
                    .filter(t -> t.isAlive() && !threadsBefore.contains(t))
                    .filter(t -> !t.getName().startsWith("fake-discord") && !t.getName().startsWith("ForkJoinPool"))
                    .filter(t -> !Set.of("OkHttp TaskRunner", "Okio Watchdog").contains(t.getName()))
                    .filter(t -> !t.getName().startsWith("acgbot-command")) // the core's pool, not the adapter's
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("threads left behind: " + left);
    }

    /**
     * Whether a thread is OkHttp's shared task runner (daemon, process-wide, not the adapter's to stop) at work: it takes the
     * name of the task it runs, so under load the check caught it as "OkHttp ConnectionPool connection closer".
     */
    private static boolean okHttpTaskRunner(StackTraceElement[] stack) {
        return java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("okhttp3.internal.concurrent.TaskRunner"));
    }

    private static String line(RestCall call) {
        return call.method() + " " + call.path();
    }

    private static JsonNode find(JsonNode commands, String name) {
        for (JsonNode c : commands) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no command " + name);
    }

    /** Stand-ins for the real commands, enough to drive every kind of reply. */
    static final class ScriptPlugin implements Plugin {
        static byte[] result(int i) {
            return new byte[]{(byte) i, 1, 2, 3};
        }

        @Override
        public String id() {
            return "script";
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(
                    BotCommand.of(CommandSpec.builder("tag", "Tag an image").attachment("image", "the image", false)
                            .usesRepliedImages().contextMenu("Tag image").build(), this::tag),
                    BotCommand.of(CommandSpec.builder("similar", "Find similar images").attachment("image", "the image", false)
                            .usesRepliedImages().contextMenu("Find similar").build(), ctx -> ctx.reply("similar")),
                    BotCommand.of(CommandSpec.builder("search", "Search by text").text("query", "what to look for", true)
                            .build(), this::search),
                    BotCommand.of(CommandSpec.builder("reindex", "Rebuild the index").adminOnly().build(), this::reindex));
        }

        private void tag(CommandContext ctx) throws Exception {
            List<Attachment> images = ctx.request().images();
            if (images.isEmpty()) {
                throw new UserFacingException("Send or reply to an image.");
            }
            byte[] bytes = images.get(0).read(1_000_000);
            ctx.reply(Reply.text(RichText.builder().bold("Tags").plain(" for " + images.get(0).fileName() + " (" + bytes.length
                    + " bytes): ").code(":d").plain(" ").code("^_^").plain(" ").code("<3").plain(" ^_^").build()));
        }

        private void search(CommandContext ctx) {
            String query = ctx.request().arguments().string("query").orElseThrow();
            List<Reply.Image> items = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                items.add(new Reply.Image(ImageRef.of(result(i), "hit" + i + ".png"), RichText.plain("hit " + i)));
            }
            ctx.reply(new Reply.Album(RichText.builder().plain("12 results for ").bold(query).build(), items));
        }

        private void reindex(CommandContext ctx) {
            ProgressMessage progress = ctx.responder().progress("Reindexing…");
            progress.update("Reindexing: 2 of 3");
            progress.update("Reindexing: 3 of 3");
            ctx.reply("Reindexed 3 images.");
        }
    }
}
