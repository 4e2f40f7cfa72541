package dev.acgbot.adapter.discord.internal;

import dev.acgbot.adapterkit.OwnedHttpClient;
import dev.acgbot.adapterkit.Threads;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads the Discord adapter owns beside JDA's: the OkHttp client JDA is given (see {@link OwnedHttpClient}),
 * and the thread that hands commands to the core.
 */
public final class HttpResources implements AutoCloseable {
    static final String THREAD_PREFIX = "acgbot-discord-";

    private final OwnedHttpClient http;
    private final ExecutorService dispatcher;

    public HttpResources() {
        http = new OwnedHttpClient(THREAD_PREFIX + "http-", Duration.ofSeconds(60), 5);
        dispatcher = Executors.newSingleThreadExecutor(Threads.daemon(THREAD_PREFIX + "dispatch-"));
    }

    public OkHttpClient client() {
        return http.client();
    }

    public ExecutorService dispatcher() {
        return dispatcher;
    }

    @Override
    public void close() {
        dispatcher.shutdown();
        http.close();
        Threads.stop(dispatcher, Duration.ofSeconds(5));
    }
}
