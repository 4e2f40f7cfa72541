package dev.acgbot.adapter.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Discord gateway on 127.0.0.1, uncompressed JSON over a hand-rolled WebSocket: HELLO, IDENTIFY answered
 * with READY and a GUILD_CREATE per configured guild, heartbeats acknowledged, and dispatches the test pushes (INTERACTION_CREATE).
 * One session at a time; enough for JDA to reach CONNECTED and deliver interactions.
 */
public final class FakeGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Thread acceptor;
    private final ObjectNode selfUser;
    private final String applicationId;
    private final java.util.List<ObjectNode> guilds;
    private final AtomicInteger sequence = new AtomicInteger();
    private final BlockingQueue<JsonNode> identifies = new LinkedBlockingQueue<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile boolean closed;

    public FakeGateway(ObjectNode selfUser, String applicationId) throws IOException {
        this(selfUser, applicationId, java.util.List.of());
    }

    /** @param guilds full GUILD_CREATE payloads of the guilds the bot is in (READY lists them as unavailable) */
    public FakeGateway(ObjectNode selfUser, String applicationId, java.util.List<ObjectNode> guilds) throws IOException {
        this.selfUser = selfUser;
        this.applicationId = applicationId;
        this.guilds = java.util.List.copyOf(guilds);
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-discord-gateway");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/";
    }

    /** The IDENTIFY payload JDA sent, waiting for it. */
    public JsonNode identify(long timeoutMillis) throws InterruptedException {
        return identifies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public boolean awaitReadySent(long timeoutMillis) throws InterruptedException {
        return ready.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Sends a dispatch event (op 0) to the connected client. */
    public void dispatch(String type, JsonNode data) throws IOException {
        ObjectNode event = JSON.createObjectNode().put("op", 0).put("s", sequence.incrementAndGet()).put("t", type);
        event.set("d", data);
        send(event);
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket s = server.accept()) {
                socket = s;
                out = s.getOutputStream();
                serve(s.getInputStream());
            } catch (IOException e) {
                // client went away or we are closing: wait for the next connection
            }
        }
    }

    private void serve(InputStream in) throws IOException {
        String request = readHttpHeaders(in);
        String key = request.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElseThrow();
        String accept = Base64.getEncoder().encodeToString(sha1(key + WS_GUID));
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        send(JSON.createObjectNode().put("op", 10).set("d", JSON.createObjectNode().put("heartbeat_interval", 41_250)));
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (!closed) {
            Frame frame = readFrame(in);
            switch (frame.opcode) {
                case 0x1, 0x0 -> {
                    message.write(frame.payload);
                    if (frame.fin) {
                        onMessage(JSON.readTree(message.toByteArray()));
                        message.reset();
                    }
                }
                case 0x8 -> {
                    writeFrame(0x8, frame.payload);
                    return;
                }
                case 0x9 -> writeFrame(0xA, frame.payload);
                default -> {
                }
            }
        }
    }

    private void onMessage(JsonNode payload) throws IOException {
        switch (payload.path("op").asInt()) {
            case 1 -> send(JSON.createObjectNode().put("op", 11));
            case 2 -> {
                identifies.add(payload.get("d"));
                ObjectNode d = JSON.createObjectNode().put("v", 10).put("session_id", "fake-session");
                d.set("user", selfUser);
                var unavailable = d.putArray("guilds");
                guilds.forEach(g -> unavailable.addObject().put("id", g.get("id").asText()).put("unavailable", true));
                d.putArray("private_channels");
                d.putArray("relationships");
                d.put("resume_gateway_url", url());
                d.putObject("application").put("id", applicationId).put("flags", 0);
                dispatch("READY", d);
                for (ObjectNode guild : guilds) {
                    dispatch("GUILD_CREATE", guild);
                }
                ready.countDown();
            }
            default -> {
            }
        }
    }

    private void send(JsonNode payload) throws IOException {
        writeFrame(0x1, JSON.writeValueAsBytes(payload));
    }

    private synchronized void writeFrame(int opcode, byte[] payload) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("no client connected");
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65_536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
            }
        }
        frame.write(payload);
        o.write(frame.toByteArray());
        o.flush();
    }

    private record Frame(boolean fin, int opcode, byte[] payload) {
    }

    private static Frame readFrame(InputStream in) throws IOException {
        int b0 = readByte(in);
        int b1 = readByte(in);
        long length = b1 & 0x7F;
        if (length == 126) {
            length = ((long) readByte(in) << 8) | readByte(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte(in);
            }
        }
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new IOException("connection closed mid-frame");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
        }
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("connection closed");
        }
        return b;
    }

    private static String readHttpHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = readByte(in);
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Socket s = socket;
        if (s != null) {
            s.close();
        }
    }
}
