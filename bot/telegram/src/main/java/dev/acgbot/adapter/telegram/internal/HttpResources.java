package dev.acgbot.adapter.telegram.internal;

import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads and connections of the Telegram adapter's one OkHttp client (sends, downloads and long
 * polling share it), on an executor this class creates. telegrambots never shuts a client down, and OkHttp's
 * dispatcher threads outlive their calls by a minute, so {@link #close()} does it.
 */
public final class HttpResources implements AutoCloseable {
    static final String THREAD_PREFIX = "acgbot-telegram-";

    private final ExecutorService httpExecutor;
    private final OkHttpClient client;

    public HttpResources(Duration pollTimeout) {
        this.httpExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads(THREAD_PREFIX + "http-"));
        Dispatcher dispatcher = new Dispatcher(httpExecutor);
        dispatcher.setMaxRequestsPerHost(20);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(5, 60, TimeUnit.SECONDS))
                // network.proxy or HTTPS_PROXY/ALL_PROXY/NO_PROXY, installed as the JVM default by the core
                .proxySelector(ProxySelector.getDefault())
                .proxyAuthenticator(Authenticator.JAVA_NET_AUTHENTICATOR)
                .connectTimeout(Duration.ofSeconds(15))
                .writeTimeout(Duration.ofSeconds(60))
                // a long poll is answered only after pollTimeout; leave it a margin
                .readTimeout(pollTimeout.plusSeconds(15))
                .build();
    }

    public OkHttpClient client() {
        return client;
    }

    /** Cancels calls in flight (the long poll among them), stops the dispatcher threads and drops pooled connections. */
    @Override
    public void close() {
        client.dispatcher().cancelAll();
        httpExecutor.shutdown();
        awaitQuietly(httpExecutor);
        httpExecutor.shutdownNow();
        client.connectionPool().evictAll();
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + counter.incrementAndGet());
            // daemon, so that a caller who forgets close() cannot hang the JVM; close() still stops them
            t.setDaemon(true);
            return t;
        };
    }
}
