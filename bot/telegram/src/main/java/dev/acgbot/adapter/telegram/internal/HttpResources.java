package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.OwnedHttpClient;
import okhttp3.OkHttpClient;

import java.time.Duration;

/**
 * The Telegram adapter's one OkHttp client (sends, downloads and long polling share it), stopped by
 * {@link #close()}: see {@link OwnedHttpClient}.
 */
public final class HttpResources implements AutoCloseable {
    static final String THREAD_PREFIX = "acgbot-telegram-";

    private final OwnedHttpClient http;

    public HttpResources(Duration pollTimeout) {
        // a long poll is answered only after pollTimeout; leave it a margin. 20 per host: sends, downloads and the poll share one host
        http = new OwnedHttpClient(THREAD_PREFIX + "http-", pollTimeout.plusSeconds(15), 20);
    }

    public OkHttpClient client() {
        return http.client();
    }

    /** Cancels calls in flight (the long poll among them), stops the dispatcher threads and drops pooled connections. */
    @Override
    public void close() {
        http.close();
    }
}
