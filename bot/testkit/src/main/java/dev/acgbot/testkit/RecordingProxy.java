package dev.acgbot.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy on 127.0.0.1 for tests: tunnels {@code CONNECT host:port} (WebSockets, TLS) and relays
 * absolute-form requests ({@code GET http://host:port/path}) as they are (HTTP/1.1 servers accept that form).
 * Records the first request line of every connection, so a test can prove a client went through it.
 */
public final class RecordingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public RecordingProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** First request line of each connection, in order. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> relay(client), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try {
            InputStream in = client.getInputStream();
            String first = readLine(in);
            requestLines.add(first);
            String[] parts = first.split(" ");
            boolean connect = parts[0].equals("CONNECT");
            String host;
            int port;
            if (connect) {
                host = parts[1].substring(0, parts[1].lastIndexOf(':'));
                port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
            } else {
                URI uri = URI.create(parts[1]);
                host = uri.getHost();
                port = uri.getPort() > 0 ? uri.getPort() : 80;
            }
            Socket upstream = new Socket(java.net.Proxy.NO_PROXY); // never through a proxy the test installed
            upstream.connect(new java.net.InetSocketAddress(host, port));
            sockets.add(upstream);
            if (connect) {
                // skip the CONNECT request's headers, then open the tunnel
                while (!readLine(in).isEmpty()) {
                    // headers such as Proxy-Authorization are not checked
                }
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
            } else {
                upstream.getOutputStream().write((first + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            Thread back = new Thread(() -> pipe(upstream, client), "test-proxy-back");
            back.setDaemon(true);
            back.start();
            pipe(client, upstream);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
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
