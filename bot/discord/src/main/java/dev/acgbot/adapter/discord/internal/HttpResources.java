package dev.acgbot.adapter.discord.internal;

import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads the Discord adapter owns beside JDA's: the OkHttp client JDA is given (JDA never shuts a client
 * down, and OkHttp's own dispatcher threads are not daemons), and the thread that hands commands to the core.
 */
public final class HttpResources implements AutoCloseable {
    static final String THREAD_PREFIX = "acgbot-discord-";

    private final ExecutorService httpExecutor;
    private final ExecutorService dispatcher;
    private final OkHttpClient client;

    public HttpResources() {
        httpExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads(THREAD_PREFIX + "http-"));
        dispatcher = Executors.newSingleThreadExecutor(threads(THREAD_PREFIX + "dispatch-"));
        client = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(httpExecutor))
                .connectionPool(new ConnectionPool(5, 60, TimeUnit.SECONDS))
                // network.proxy or HTTPS_PROXY/ALL_PROXY/NO_PROXY, installed as the JVM default by the core
                .proxySelector(ProxySelector.getDefault())
                .proxyAuthenticator(Authenticator.JAVA_NET_AUTHENTICATOR)
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60))
                .build();
    }

    public OkHttpClient client() {
        return client;
    }

    public ExecutorService dispatcher() {
        return dispatcher;
    }

    @Override
    public void close() {
        dispatcher.shutdown();
        client.dispatcher().cancelAll();
        httpExecutor.shutdown();
        await(dispatcher);
        await(httpExecutor);
        client.connectionPool().evictAll();
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
