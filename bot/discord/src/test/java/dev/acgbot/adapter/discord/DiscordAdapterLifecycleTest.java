package dev.acgbot.adapter.discord;

import dev.acgbot.api.adapter.AdapterStartException;
import dev.acgbot.testkit.ThreadLeaks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acgbot.adapter.discord.fake.FakeDiscordRest;
import dev.acgbot.adapter.discord.fake.FakeGateway;
import dev.acgbot.adapter.discord.fake.Interactions;
import dev.acgbot.adapter.discord.fake.RestCall;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.reply.Responder;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscordAdapterLifecycleTest {
    private static final String TOKEN = "MTIz.secret-discord.token-xyz";
    private static final String APP_ID = "900000000000000009";

    private static final InboundSink IGNORING_SINK = new InboundSink() {
        @Override
        public boolean onText(MessageOrigin origin, String text, String botUsername, List<Attachment> attachments,
                              Optional<RepliedMessage> repliedTo, Responder responder) {
            return false;
        }

        @Override
        public void onCommand(MessageOrigin origin, String command, Map<String, Object> options, List<Attachment> attachments,
                              Optional<RepliedMessage> repliedTo, Responder responder) {
        }
    };

    private static DiscordSettings settings(String restUrl, String gatewayUrl, List<Long> guilds) {
        return new DiscordSettings(TOKEN, guilds, Optional.empty(), List.of(), true, true, Duration.ofSeconds(10),
                Optional.of(restUrl), Optional.of(gatewayUrl));
    }

    @Test
    void aRejectedTokenFailsStartClearlyWithoutTheTokenAndLeavesNoThreads() throws Exception {
        ObjectNode self = Interactions.selfUser(APP_ID);
        try (FakeDiscordRest rest = new FakeDiscordRest("another-token", self); FakeGateway gateway = new FakeGateway(self, APP_ID)) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            DiscordAdapter adapter = new DiscordAdapter(settings(rest.apiBaseUrl(), gateway.url(), List.of()));
            DiscordStartException e = assertThrows(DiscordStartException.class, () -> adapter.start(IGNORING_SINK, List.of()));
            assertEquals("Discord rejected the bot token (check adapters.discord.token or DISCORD_TOKEN)", e.getMessage());
            assertEquals(AdapterStartException.Reason.TOKEN_REFUSED, e.reason(), "a refused token is not retried");
            adapter.close();
            assertNoThreadLeft(before);
        }
    }

    @Test
    void anUnreachableApiFailsStartClearly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        DiscordAdapter adapter = new DiscordAdapter(settings("http://127.0.0.1:" + closedPort + "/api/v10/",
                "ws://127.0.0.1:" + closedPort + "/", List.of()));
        DiscordStartException e = assertThrows(DiscordStartException.class, () -> adapter.start(IGNORING_SINK, List.of()));
        assertTrue(e.getMessage().startsWith("Discord adapter could not reach http://127.0.0.1:" + closedPort), e.getMessage());
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
        assertEquals(AdapterStartException.Reason.UNREACHABLE, e.reason(), "a network failure is retried");
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        adapter.close();
        assertNoThreadLeft(before);
    }

    @Test
    void aGuildTheBotIsNotInIsNamedInTheStartFailure() throws Exception {
        ObjectNode self = Interactions.selfUser(APP_ID);
        try (FakeDiscordRest rest = new FakeDiscordRest(TOKEN, self); FakeGateway gateway = new FakeGateway(self, APP_ID)) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            DiscordAdapter adapter = new DiscordAdapter(settings(rest.apiBaseUrl(), gateway.url(), List.of(123456789012345678L)));
            DiscordStartException e = assertThrows(DiscordStartException.class,
                    () -> adapter.start(IGNORING_SINK, List.of(CommandSpec.builder("ping", "Ping").build())));
            assertTrue(e.getMessage().contains("not a member of guild 123456789012345678"), e.getMessage());
            assertTrue(e.getMessage().contains("applications.commands"), e.getMessage());
            adapter.close();
            assertNoThreadLeft(before);
        }
    }

    @Test
    void guildIdsRegisterTheCommandsInThoseGuildsOnly() throws Exception {
        ObjectNode self = Interactions.selfUser(APP_ID);
        try (FakeDiscordRest rest = new FakeDiscordRest(TOKEN, self);
             FakeGateway gateway = new FakeGateway(self, APP_ID, List.of(Interactions.guild(Interactions.GUILD, "ACG", self)))) {
            DiscordAdapter adapter = new DiscordAdapter(settings(rest.apiBaseUrl(), gateway.url(),
                    List.of(Long.parseLong(Interactions.GUILD))));
            try {
                adapter.start(IGNORING_SINK, List.of(CommandSpec.builder("tag", "Tag an image").contextMenu("Tag image").build()));
                assertEquals("GET users/@me", line(rest.next(Duration.ofSeconds(5))));
                RestCall registration = rest.next(Duration.ofSeconds(5));
                assertEquals("PUT applications/" + APP_ID + "/guilds/" + Interactions.GUILD + "/commands", line(registration));
                assertEquals(2, registration.body().size(), "/tag and its Tag image context menu");
                assertEquals(null, rest.poll(Duration.ofMillis(200)), "nothing registered globally");
            } finally {
                adapter.close();
            }
        }
    }

    private static String line(RestCall call) {
        return call.method() + " " + call.path();
    }

    static void assertNoThreadLeft(Set<Thread> before) throws InterruptedException {
        // OkHttp's shared TaskRunner threads are named for the task they run ("OkHttp connect <url>" while a connect attempt
        // to a closed port is still being torn down on a loaded machine) and idle as "OkHttp TaskRunner": OkHttp's, not ours
        ThreadLeaks.assertNoneLeftSince(before, Duration.ofSeconds(5), t -> t.getName().startsWith("fake-discord")
                || t.getName().startsWith("ForkJoinPool") || t.getName().startsWith("OkHttp connect ")
                || Set.of("OkHttp TaskRunner", "Okio Watchdog").contains(t.getName()));
    }
}
