package dev.acgbot.adapterkit;

import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An OkHttp client whose threads an adapter owns and stops. The chat libraries never shut a client down, and
 * OkHttp's dispatcher threads outlive their calls by a minute, so a stopped adapter would leave threads
 * behind; {@link #close()} cancels calls in flight, stops the threads and drops pooled connections.
 */
public final class OwnedHttpClient implements AutoCloseable {
    private final ExecutorService executor;
    private final OkHttpClient client;

    /**
     * @param threadPrefix       names the dispatcher threads ({@code prefix1}, {@code prefix2}, …), which thread-leak checks look for
     * @param readTimeout        how long a response may stay silent (a long poll needs its poll time plus a margin)
     * @param maxRequestsPerHost OkHttp's per-host limit (its default is 5)
     */
    public OwnedHttpClient(String threadPrefix, Duration readTimeout, int maxRequestsPerHost) {
        // daemon, so that a caller who forgets close() cannot hang the JVM; close() still stops them
        executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Threads.daemon(threadPrefix));
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequestsPerHost(maxRequestsPerHost);
        client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(5, 60, TimeUnit.SECONDS))
                // network.proxy or HTTPS_PROXY/ALL_PROXY/NO_PROXY, installed as the JVM default by the core
                .proxySelector(ProxySelector.getDefault())
                .proxyAuthenticator(Authenticator.JAVA_NET_AUTHENTICATOR)
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(60))
                .build();
    }

    public OkHttpClient client() {
        return client;
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        Threads.stop(executor, Duration.ofSeconds(5));
        client.connectionPool().evictAll();
    }
}
