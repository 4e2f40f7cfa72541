package dev.acgbot.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SOCKS5 proxy on 127.0.0.1 for tests (no authentication, CONNECT only), recording each target as
 * {@code host:port}, so a test can prove a client went through it.
 */
public final class RecordingSocksProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public RecordingSocksProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "test-socks");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "socks5://127.0.0.1:" + server.getLocalPort();
    }

    public List<String> targets() {
        return List.copyOf(targets);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> relay(client), "test-socks-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            in.readUnsignedByte(); // version 5
            in.readFully(new byte[in.readUnsignedByte()]); // offered methods
            out.write(new byte[]{5, 0}); // no authentication
            in.readUnsignedByte(); // version
            int command = in.readUnsignedByte();
            in.readUnsignedByte(); // reserved
            int type = in.readUnsignedByte();
            String host = switch (type) {
                case 1 -> {
                    byte[] a = new byte[4];
                    in.readFully(a);
                    yield InetAddress.getByAddress(a).getHostAddress();
                }
                case 3 -> {
                    byte[] name = new byte[in.readUnsignedByte()];
                    in.readFully(name);
                    yield new String(name, StandardCharsets.US_ASCII);
                }
                default -> throw new IOException("address type " + type + " not supported by the test proxy");
            };
            int port = in.readUnsignedShort();
            if (command != 1) {
                throw new IOException("only CONNECT");
            }
            targets.add(host + ":" + port);
            Socket upstream = new Socket(java.net.Proxy.NO_PROXY); // never through a proxy the test installed
            upstream.connect(new java.net.InetSocketAddress(host, port));
            sockets.add(upstream);
            out.write(new byte[]{5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            out.flush();
            Thread back = new Thread(() -> pipe(upstream, client), "test-socks-back");
            back.setDaemon(true);
            back.start();
            pipe(client, upstream);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
