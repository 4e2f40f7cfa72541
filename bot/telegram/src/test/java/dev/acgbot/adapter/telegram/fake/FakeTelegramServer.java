package dev.acgbot.adapter.telegram.fake;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Telegram Bot API on 127.0.0.1 for tests: getMe, deleteWebhook, getUpdates (long polling over a scripted
 * list of updates), getFile and the file download path, sendMessage, sendPhoto, sendDocument, sendMediaGroup,
 * editMessageText and setMyCommands. Every call except getUpdates is recorded for the test to check in order;
 * a test can make the next call of a method fail (a 429 with retry_after, say).
 */
public final class FakeTelegramServer implements AutoCloseable {
    public static final String BOT_USERNAME = "acg_test_bot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<ApiCall> calls = new LinkedBlockingQueue<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final AtomicInteger nextMessageId = new AtomicInteger(1000);
    private final AtomicInteger getUpdatesCalls = new AtomicInteger();
    private final AtomicInteger downloads = new AtomicInteger();
    private volatile long heldPollMillis = 300;
    private final Map<Long, FloodControl> floodControl = new ConcurrentHashMap<>();
    private volatile int downloadStatus = 200;
    private volatile long downloadStallMillis;
    private final Map<String, Long> slowMethods = new ConcurrentHashMap<>();

    /** Telegram's per-chat flood control: after {@code allowed} messages every send to the chat is answered 429. */
    private record FloodControl(int allowed, int retryAfter, AtomicInteger sent) {
    }

    private record Failure(int code, String description, Integer retryAfter) {
    }

    private record StoredFile(String uniqueId, String path, byte[] bytes, long reportedSize) {
    }

    public FakeTelegramServer(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-telegram");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How long getUpdates waits for news before answering with none (the real one waits up to its timeout). */
    public void holdPollsFor(Duration duration) {
        heldPollMillis = duration.toMillis();
    }

    /** Queues an update for the next getUpdates. */
    public void push(ObjectNode update) {
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
    }

    /** Makes the next call of {@code method} fail with the given Bot API error. */
    public void failNext(String method, int code, String description, Integer retryAfter) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Failure(code, description, retryAfter));
    }

    /**
     * Simulates flood control in one chat: the first {@code allowed} messages sent there go through, every later
     * one is answered 429 with {@code retry_after} (the real Bot API allows about one message a second per chat).
     */
    public void floodControl(long chatId, int allowed, int retryAfterSeconds) {
        floodControl.put(chatId, new FloodControl(allowed, retryAfterSeconds, new AtomicInteger()));
    }

    /** Answers every call of {@code method} only after {@code delay} (a slow upload, say). */
    public void slowDown(String method, Duration delay) {
        slowMethods.put(method, delay.toMillis());
    }

    /** Answers every file download with this HTTP status (a 502 from Telegram's file servers, say). */
    public void failDownloads(int status) {
        downloadStatus = status;
    }

    /** Sends the headers of a download, then stalls this long before the body (a connection gone quiet). */
    public void stallDownloads(Duration duration) {
        downloadStallMillis = duration.toMillis();
    }

    /** Makes a file downloadable through getFile and the file path; {@code reportedSize} is what getFile says. */
    public void addFile(String fileId, String uniqueId, byte[] bytes, long reportedSize) {
        files.put(fileId, new StoredFile(uniqueId, "photos/" + fileId + ".jpg", bytes, reportedSize));
    }

    /** The next recorded call (not getUpdates), waiting up to {@code timeout}; fails the test if none comes. */
    public ApiCall next(Duration timeout) throws InterruptedException {
        ApiCall call = calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (call == null) {
            throw new AssertionError("no Bot API call within " + timeout);
        }
        return call;
    }

    /** The next recorded call, or null when none comes within {@code timeout}. */
    public ApiCall poll(Duration timeout) throws InterruptedException {
        return calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int getUpdatesCalls() {
        return getUpdatesCalls.get();
    }

    public int downloads() {
        return downloads.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String filePrefix = "/file/bot" + token + "/";
            if (path.startsWith(filePrefix)) {
                serveFile(exchange, path.substring(filePrefix.length()));
                return;
            }
            String[] segments = path.split("/");
            if (segments.length != 3 || !segments[1].startsWith("bot")) {
                respond(exchange, 404, error(404, "Not Found"));
                return;
            }
            if (!segments[1].equals("bot" + token)) {
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = canonical(segments[2]);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, ApiCall.Upload> uploads = new LinkedHashMap<>();
            ObjectNode params = parseParams(exchange.getRequestHeaders().getFirst("Content-Type"), body, uploads);
            if (method.equals("getUpdates")) {
                getUpdatesCalls.incrementAndGet();
                respond(exchange, 200, ok(pendingUpdates(params)));
                return;
            }
            Deque<Failure> queued = failures.get(method);
            Failure failure = queued == null ? null : queued.poll();
            FloodControl flood = method.startsWith("send") ? floodControl.get(params.path("chat_id").asLong()) : null;
            if (failure == null && flood != null && flood.sent().incrementAndGet() > flood.allowed()) {
                failure = new Failure(429, "Too Many Requests: retry after " + flood.retryAfter(), flood.retryAfter());
            }
            if (failure != null) {
                ObjectNode answer = error(failure.code(), failure.description());
                if (failure.retryAfter() != null) {
                    answer.putObject("parameters").put("retry_after", failure.retryAfter());
                }
                calls.add(new ApiCall(method, params, uploads, failure.code(), System.nanoTime()));
                respond(exchange, failure.code(), answer);
                return;
            }
            Long slow = slowMethods.get(method);
            if (slow != null) {
                Thread.sleep(slow);
            }
            JsonNode result = answer(method, params);
            int status = result == null ? 400 : 200;
            calls.add(new ApiCall(method, params, uploads, status, System.nanoTime()));
            respond(exchange, status, result == null ? error(400, "Bad Request: unknown method or file") : ok(result));
        } catch (RuntimeException | InterruptedException e) {
            respond(exchange, 500, error(500, "fake server: " + e));
        }
    }

    private static final List<String> METHODS = List.of("getMe", "deleteWebhook", "getUpdates", "getFile", "sendMessage",
            "sendPhoto", "sendDocument", "sendMediaGroup", "editMessageText", "setMyCommands", "answerInlineQuery");

    /** Bot API method names are case-insensitive (telegrambots sends some in lower case): record them canonically. */
    private static String canonical(String method) {
        return METHODS.stream().filter(m -> m.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    private JsonNode answer(String method, ObjectNode params) {
        return switch (method) {
            case "getMe" -> JSON.createObjectNode().put("id", 4242).put("is_bot", true)
                    .put("first_name", "Acg Test").put("username", BOT_USERNAME);
            case "deleteWebhook", "setMyCommands", "answerInlineQuery" -> JSON.getNodeFactory().booleanNode(true);
            case "getFile" -> {
                StoredFile f = files.get(params.path("file_id").asText());
                yield f == null ? null : JSON.createObjectNode().put("file_id", params.path("file_id").asText())
                        .put("file_unique_id", f.uniqueId()).put("file_size", f.reportedSize()).put("file_path", f.path());
            }
            case "sendMessage", "editMessageText" -> message(params).put("text", params.path("text").asText());
            case "sendPhoto" -> withFile(message(params), "photo");
            case "sendDocument" -> withFile(message(params), "document");
            case "sendMediaGroup" -> {
                ArrayNode sent = JSON.createArrayNode();
                for (int i = 0; i < params.path("media").size(); i++) {
                    sent.add(withFile(message(params), params.path("media").get(i).path("type").asText("photo")));
                }
                yield sent;
            }
            default -> null;
        };
    }

    /**
     * The file Telegram keeps of an upload, with ids made from the message id ({@code photo-1001}): a photo in two
     * renditions (the larger one is the id to reuse), or a document.
     */
    private static ObjectNode withFile(ObjectNode message, String type) {
        String id = type + "-" + message.path("message_id").asInt();
        if (type.equals("document")) {
            message.putObject("document").put("file_id", id).put("file_unique_id", "u-" + id);
        } else {
            ArrayNode sizes = message.putArray("photo");
            sizes.addObject().put("file_id", id + "-thumb").put("file_unique_id", "u-" + id + "-thumb").put("width", 90).put("height", 90);
            sizes.addObject().put("file_id", id).put("file_unique_id", "u-" + id).put("width", 640).put("height", 640);
        }
        return message;
    }

    private ObjectNode message(ObjectNode params) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", params.has("message_id") ? params.get("message_id").asInt() : nextMessageId.incrementAndGet());
        m.put("date", 1_700_000_000);
        long chatId = params.path("chat_id").asLong();
        m.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
        m.putObject("from").put("id", 4242).put("is_bot", true).put("first_name", "Acg Test").put("username", BOT_USERNAME);
        return m;
    }

    private ArrayNode pendingUpdates(ObjectNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        long deadline = System.currentTimeMillis() + Math.min(heldPollMillis, params.path("timeout").asLong(0) * 1000);
        synchronized (updates) {
            while (true) {
                ArrayNode out = JSON.createArrayNode();
                for (ObjectNode u : updates) {
                    if (u.path("update_id").asLong() >= offset) {
                        out.add(u);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (!out.isEmpty() || left <= 0) {
                    return out;
                }
                updates.wait(left);
            }
        }
    }

    private void serveFile(HttpExchange exchange, String filePath) throws IOException {
        downloads.incrementAndGet();
        StoredFile f = files.values().stream().filter(s -> s.path().equals(filePath)).findFirst().orElse(null);
        if (f == null) {
            respond(exchange, 404, error(404, "Not Found"));
            return;
        }
        if (downloadStatus != 200) {
            respond(exchange, downloadStatus, error(downloadStatus, "Bad Gateway"));
            return;
        }
        exchange.sendResponseHeaders(200, f.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (downloadStallMillis > 0) {
                out.flush();
                try {
                    Thread.sleep(downloadStallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            out.write(f.bytes());
        }
    }

    private static ObjectNode parseParams(String contentType, byte[] body, Map<String, ApiCall.Upload> uploads) throws IOException {
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            ObjectNode params = JSON.createObjectNode();
            for (Multipart.Part part : Multipart.parse(body, Multipart.boundary(contentType))) {
                if (part.fileName() != null) {
                    uploads.put(part.name(), new ApiCall.Upload(part.fileName(), part.body()));
                    continue;
                }
                String text = part.text();
                if (text.startsWith("{") || text.startsWith("[")) {
                    params.set(part.name(), JSON.readTree(text));
                } else {
                    params.put(part.name(), text);
                }
            }
            return params;
        }
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode tree = JSON.readTree(body);
        return tree instanceof ObjectNode o ? o : JSON.createObjectNode();
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        synchronized (updates) {
            updates.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
