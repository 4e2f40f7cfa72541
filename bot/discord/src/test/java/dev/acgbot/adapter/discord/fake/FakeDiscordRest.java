package dev.acgbot.adapter.discord.fake;

import dev.acgbot.testkit.Multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord's REST API on 127.0.0.1, the part the adapter uses: the token check (users/@me), command
 * registration (PUT application commands, global and per guild), interaction callbacks, follow-up messages
 * and their edits, plus a CDN path serving attachment bytes. Every API call is recorded in order.
 */
public final class FakeDiscordRest implements AutoCloseable {
    public static final String API_PREFIX = "/api/v10/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final ObjectNode selfUser;
    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<RestCall> calls = new LinkedBlockingQueue<>();
    private final Map<String, byte[]> cdn = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_100_000_000_000_000_000L);
    private volatile String slowFollowUpText;
    private volatile long slowFollowUpMillis;

    public FakeDiscordRest(String token, ObjectNode selfUser) throws IOException {
        this.token = token;
        this.selfUser = selfUser;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String apiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + API_PREFIX;
    }

    /** A URL under which the fake CDN serves these bytes. */
    public String cdnUrl(String fileName, byte[] bytes) {
        cdn.put(fileName, bytes);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cdn/" + fileName;
    }

    /** Answers each follow-up whose content contains {@code text} only after {@code delay} (a slow or throttled API). */
    public void slowFollowUps(String text, Duration delay) {
        slowFollowUpText = text;
        slowFollowUpMillis = delay.toMillis();
    }

    public RestCall next(Duration timeout) throws InterruptedException {
        RestCall call = calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (call == null) {
            throw new AssertionError("no REST call within " + timeout);
        }
        return call;
    }

    public RestCall poll(Duration timeout) throws InterruptedException {
        return calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/cdn/")) {
                byte[] bytes = cdn.get(path.substring("/cdn/".length()));
                if (bytes == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                return;
            }
            String route = path.startsWith(API_PREFIX) ? path.substring(API_PREFIX.length()) : path;
            String method = exchange.getRequestMethod();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, byte[]> files = new LinkedHashMap<>();
            JsonNode body = parseBody(exchange.getRequestHeaders().getFirst("Content-Type"), raw, files);
            if (!("Bot " + token).equals(exchange.getRequestHeaders().getFirst("Authorization")) && !route.startsWith("webhooks/")
                    && !route.startsWith("interactions/")) {
                calls.add(new RestCall(method, route, exchange.getRequestURI().getQuery(), body, files, 401));
                respond(exchange, 401, JSON.createObjectNode().put("message", "401: Unauthorized").put("code", 0));
                return;
            }
            Answer answer = answer(method, route, body, files);
            String slow = slowFollowUpText;
            if (slow != null && route.startsWith("webhooks/") && body != null && body.path("content").asText().contains(slow)) {
                try {
                    Thread.sleep(slowFollowUpMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            calls.add(new RestCall(method, route, exchange.getRequestURI().getQuery(), body, files, answer.status));
            respond(exchange, answer.status, answer.body);
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer answer(String method, String route, JsonNode body, Map<String, byte[]> files) {
        String[] p = route.split("/");
        if (method.equals("GET") && route.equals("users/@me")) {
            return new Answer(200, selfUser);
        }
        if (method.equals("PUT") && p[0].equals("applications") && route.endsWith("/commands")) {
            ArrayNode registered = JSON.createArrayNode();
            for (JsonNode command : body) {
                ObjectNode c = ((ObjectNode) command.deepCopy());
                c.put("id", String.valueOf(ids.incrementAndGet())).put("application_id", p[1]).put("version", "1");
                if (!c.has("type")) {
                    c.put("type", 1);
                }
                if (!c.has("description")) {
                    c.put("description", "");
                }
                if (p.length == 5) {
                    c.put("guild_id", p[3]);
                }
                registered.add(c);
            }
            return new Answer(200, registered);
        }
        if (method.equals("POST") && p[0].equals("interactions") && p.length == 4 && p[3].equals("callback")) {
            return new Answer(204, null);
        }
        if (p[0].equals("webhooks") && p.length >= 3) {
            if (method.equals("POST") && p.length == 3) {
                return new Answer(200, message(String.valueOf(ids.incrementAndGet()), p[1], body, files));
            }
            if (method.equals("PATCH") && p.length == 5 && p[3].equals("messages")) {
                String id = p[4].equals("@original") ? String.valueOf(ids.incrementAndGet()) : p[4];
                return new Answer(200, message(id, p[1], body, files));
            }
        }
        return new Answer(404, JSON.createObjectNode().put("message", "Unknown route " + method + " " + route).put("code", 0));
    }

    private ObjectNode message(String id, String applicationId, JsonNode body, Map<String, byte[]> files) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id).put("channel_id", "900000000000000002").put("content", body.path("content").asText(""));
        m.set("author", selfUser);
        m.put("timestamp", "2024-01-01T00:00:00.000000+00:00").putNull("edited_timestamp");
        m.put("tts", false).put("mention_everyone", false).put("pinned", false).put("type", 0).put("flags", 0);
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("components");
        ArrayNode embeds = m.putArray("embeds");
        for (JsonNode embed : body.path("embeds")) {
            embeds.add(((ObjectNode) embed.deepCopy()).put("type", "rich"));
        }
        ArrayNode attachments = m.putArray("attachments");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            attachments.addObject().put("id", String.valueOf(ids.incrementAndGet())).put("filename", file.getKey())
                    .put("size", file.getValue().length).put("url", "http://127.0.0.1/cdn/" + file.getKey())
                    .put("proxy_url", "http://127.0.0.1/cdn/" + file.getKey());
        }
        m.put("webhook_id", applicationId).put("application_id", applicationId);
        return m;
    }

    private static JsonNode parseBody(String contentType, byte[] raw, Map<String, byte[]> files) throws IOException {
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            JsonNode payload = JSON.createObjectNode();
            for (Multipart.Part part : Multipart.parse(raw, Multipart.boundary(contentType))) {
                if (part.fileName() != null) {
                    files.put(part.fileName(), part.body());
                } else if (part.name().equals("payload_json")) {
                    payload = JSON.readTree(part.body());
                }
            }
            return payload;
        }
        return raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(new String(raw, StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
