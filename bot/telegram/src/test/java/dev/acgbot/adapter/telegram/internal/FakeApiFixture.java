package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.TokenRedactor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.adapter.telegram.fake.FakeTelegramServer;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** The adapter's Bot API plumbing pointed at a fresh fake server. */
final class FakeApiFixture implements AutoCloseable {
    static final String TOKEN = "24680:fixture-TOKEN_value";

    final FakeTelegramServer server;
    final HttpResources resources;
    final BotApi api;
    final TokenRedactor redactor = TokenRedactor.of(TOKEN);

    FakeApiFixture(Duration maxRetryWait) throws IOException {
        server = new FakeTelegramServer(TOKEN);
        resources = new HttpResources(Duration.ofSeconds(5));
        URI base = URI.create(server.baseUrl());
        api = new BotApi(new OkHttpTelegramClient(new ObjectMapper(), resources.client(), TOKEN,
                new TelegramUrl("http", base.getHost(), base.getPort(), false)), maxRetryWait);
    }

    FileDownloader downloader(long platformLimit) {
        return new FileDownloader(api, resources.client(), URI.create(server.baseUrl()), TOKEN, redactor, platformLimit);
    }

    TelegramResponder responder(long chatId, Integer replyTo) {
        return new TelegramResponder(api, redactor, chatId, replyTo, null);
    }

    @Override
    public void close() {
        resources.close();
        server.close();
    }
}
