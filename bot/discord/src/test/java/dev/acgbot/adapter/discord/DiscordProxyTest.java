package dev.acgbot.adapter.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acgbot.adapter.discord.fake.FakeDiscordRest;
import dev.acgbot.adapter.discord.fake.FakeGateway;
import dev.acgbot.adapter.discord.fake.Interactions;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.reply.Responder;
import dev.acgbot.core.net.ProxyRoutes;
import dev.acgbot.testkit.RecordingProxy;
import org.junit.jupiter.api.Test;

import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a proxy configured, both the REST calls (OkHttp) and the gateway WebSocket go through it. */
class DiscordProxyTest {
    private static final String TOKEN = "MTIz.proxy-discord.token-xyz";
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

    @Test
    void restAndGatewayGoThroughTheConfiguredHttpProxy() throws Exception {
        ProxySelector saved = ProxySelector.getDefault();
        ObjectNode self = Interactions.selfUser(APP_ID);
        try (RecordingProxy proxy = new RecordingProxy();
             FakeDiscordRest rest = new FakeDiscordRest(TOKEN, self); FakeGateway gateway = new FakeGateway(self, APP_ID)) {
            new ProxyRoutes(Optional.of(new ProxyRoutes.Route(URI.create(proxy.url()), "test")), List.of()).install();
            DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings(TOKEN, List.of(), Optional.empty(), List.of(), false, false,
                    Duration.ofSeconds(10), Optional.of(rest.apiBaseUrl()), Optional.of(gateway.url())));
            try {
                adapter.start(IGNORING_SINK, List.of());
            } finally {
                adapter.close();
            }
            List<String> lines = proxy.requestLines();
            String gatewayHost = URI.create(gateway.url()).getHost() + ":" + URI.create(gateway.url()).getPort();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET " + rest.apiBaseUrl()) && l.contains("users/@me")), lines::toString);
            assertTrue(lines.contains("CONNECT " + gatewayHost + " HTTP/1.1"), lines::toString);
        } finally {
            ProxySelector.setDefault(saved);
        }
    }
}
