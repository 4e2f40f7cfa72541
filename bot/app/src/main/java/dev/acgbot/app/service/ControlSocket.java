package dev.acgbot.app.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Unix socket in the data directory through which command-line tools reach the running bot (a backup
 * must be taken inside the process that holds the gallery open). Only the bot's user can connect (0600).
 * One request line, one answer line: {@code ok ...} or {@code error ...}.
 */
public final class ControlSocket implements AutoCloseable {
    public static final String FILE = "acgbot.sock";
    private static final Logger LOG = LoggerFactory.getLogger(ControlSocket.class);

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private ControlSocket(Path path, ServerSocketChannel server, Function<String, String> handler) {
        this.path = path;
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("acgbot-control").unstarted(() -> serve(handler));
    }

    /**
     * Listens at {@code dataDir/acgbot.sock}; a stale file from a killed bot is replaced.
     *
     * @throws IllegalStateException when another bot answers there
     */
    public static ControlSocket start(Path dataDir, Function<String, String> handler) throws IOException {
        Path path = dataDir.toAbsolutePath().resolve(FILE);
        Files.createDirectories(path.getParent());
        if (Files.exists(path)) {
            if (request(path, "ping").isPresent()) {
                throw new IllegalStateException("another acgbot is already running with the data directory " + dataDir.toAbsolutePath());
            }
            Files.delete(path);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        ControlSocket socket = new ControlSocket(path, server, handler);
        socket.acceptor.start();
        return socket;
    }

    private void serve(Function<String, String> handler) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Channels.newOutputStream(client), true, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                String answer;
                try {
                    answer = line == null ? "error empty request" : handler.apply(line.strip());
                } catch (RuntimeException e) {
                    LOG.warn("control request '{}' failed", line, e);
                    answer = "error " + e.getMessage();
                }
                out.println(answer.replace('\n', ' '));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.debug("control connection: {}", e.toString());
                }
            }
        }
    }

    /** Sends one request to the bot running with this data directory; empty when none runs. */
    public static Optional<String> request(Path socketFile, String line) {
        if (!Files.exists(socketFile)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socketFile));
             PrintWriter out = new PrintWriter(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            out.println(line);
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            return Optional.empty(); // refused: a stale file, nobody listens
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("closing the control socket: {}", e.toString());
        }
    }
}
