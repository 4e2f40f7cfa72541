package dev.acgbot.adapter.telegram;

import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.reply.Responder;
import dev.acgbot.core.net.ProxyRoutes;
import dev.acgbot.core.config.ServiceSettings;
import dev.acgbot.testkit.RecordingProxy;
import dev.acgbot.testkit.RecordingSocksProxy;
import org.junit.jupiter.api.Test;

import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a proxy configured (network.proxy or HTTPS_PROXY), the Bot API is reached through it. */
class TelegramProxyTest {
    private static final String TOKEN = "424242:PROXYproxyPROXY_proxy-42";

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
    void theBotApiIsCalledThroughTheConfiguredProxy() throws Exception {
        ProxySelector saved = ProxySelector.getDefault();
        try (RecordingProxy proxy = new RecordingProxy(); FakeTelegramServer telegram = new FakeTelegramServer(TOKEN)) {
            new ProxyRoutes(Optional.of(new ProxyRoutes.Route(URI.create(proxy.url()), "test")), List.of()).install();
            TelegramAdapter adapter = new TelegramAdapter(new TelegramSettings(TOKEN, URI.create(telegram.baseUrl()),
                    Duration.ofSeconds(1), TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(1), false));
            try {
                adapter.start(IGNORING_SINK, List.of());
                assertEquals("getMe", telegram.next(Duration.ofSeconds(5)).method());
            } finally {
                adapter.close();
            }
            List<String> lines = proxy.requestLines();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("POST " + telegram.baseUrl() + "/bot") && l.toLowerCase().endsWith("/getme http/1.1")),
                    lines::toString);
        } finally {
            ProxySelector.setDefault(saved);
        }
    }

    @Test
    void theBotApiIsCalledThroughASocksProxyFromAllProxy() throws Exception {
        ProxySelector saved = ProxySelector.getDefault();
        try (RecordingSocksProxy proxy = new RecordingSocksProxy(); FakeTelegramServer telegram = new FakeTelegramServer(TOKEN)) {
            ProxyRoutes.from(new ServiceSettings.Network("", "", Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    Map.of("ALL_PROXY", proxy.url())).install();
            TelegramAdapter adapter = new TelegramAdapter(new TelegramSettings(TOKEN, URI.create(telegram.baseUrl()),
                    Duration.ofSeconds(1), TelegramSettings.BOT_API_DOWNLOAD_LIMIT, Duration.ofSeconds(1), false));
            try {
                adapter.start(IGNORING_SINK, List.of());
                assertEquals("getMe", telegram.next(Duration.ofSeconds(5)).method());
            } finally {
                adapter.close();
            }
            URI base = URI.create(telegram.baseUrl());
            assertTrue(proxy.targets().contains(base.getHost() + ":" + base.getPort()), proxy.targets()::toString);
        } finally {
            ProxySelector.setDefault(saved);
        }
    }
}
