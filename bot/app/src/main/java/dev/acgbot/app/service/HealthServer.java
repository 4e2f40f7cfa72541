package dev.acgbot.app.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.acgbot.core.config.ServiceSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The optional HTTP endpoint (JDK HttpServer, no framework): {@code GET /healthz} answers 200 or 503 with a
 * JSON report, {@code GET /metrics} the Prometheus text format. Off unless {@code health.enabled}.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads;

    private HealthServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static HealthServer start(ServiceSettings.Health settings, Supplier<HealthReport> health, PrometheusMeterRegistry metrics)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 16);
        // two threads: a scrape and a probe at once; nothing here is slow
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "acgbot-health");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/healthz", exchange -> {
            if (!allowed(exchange)) {
                return;
            }
            HealthReport report = health.get();
            send(exchange, report.healthy() ? 200 : 503, "application/json", report.toJson());
        });
        server.createContext("/metrics", exchange -> {
            if (!allowed(exchange)) {
                return;
            }
            send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
        });
        server.createContext("/", exchange -> send(exchange, 404, "text/plain", "not found: try /healthz or /metrics\n"));
        server.start();
        LOG.info("health endpoint on http://{}:{}/healthz and /metrics", settings.bind(), server.getAddress().getPort());
        return new HealthServer(server, threads);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean allowed(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        send(exchange, 405, "text/plain", "only GET\n");
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
