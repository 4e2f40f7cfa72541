package dev.acgbot.models.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.acgbot.models.manifest.ManifestParser;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mirror, token and proxy settings against a loopback server that plays the hub, its CDN and a proxy
 * (never the network). 127.0.0.1 and localhost reach the same server but are different hosts to the client,
 * which is how a redirect to "another host" is made here.
 */
class DownloadRoutingTest {
    private static final byte[] BODY = "weights".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private static final String REV = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;
    HttpServer server;
    /** "host path authorization" of every request the server saw. */
    final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/org/", ex -> {
            record(ex);
            ex.getResponseHeaders().add("Location", "http://localhost:" + port() + "/cdn/blob");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/cdn/", this::body);
        server.createContext("/direct/", this::body);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void record(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        seen.add(ex.getRequestHeaders().getFirst("Host").replaceAll(":\\d+$", "") + " " + ex.getRequestURI().getPath()
                + " " + (auth == null ? "-" : auth));
    }

    private void body(HttpExchange ex) throws IOException {
        record(ex);
        ex.sendResponseHeaders(200, BODY.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(BODY);
        }
    }

    private static ModelManifest manifest(String url) {
        return ManifestParser.parse("""
                id: routed
                task: clip-image
                embedding_space: s
                files:
                  - {name: model.onnx, url: "%s", sha256: unknown}
                model: model.onnx
                input: {name: image, layout: NCHW, size: 224, resize: squash, interpolation: bicubic,
                        alpha: drop, colour_order: RGB, scale: 1/255}
                output: {name: out}
                embedding: {dim: 512}
                """.formatted(url), "test", Optional.empty());
    }

    private ModelFetcher fetcher(DownloadSettings settings) {
        return new ModelFetcher(new ModelPaths(dir), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                settings, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void aMirrorReplacesTheHubAndTheTokenGoesToTheMirrorButNotAcrossTheRedirect() throws Exception {
        DownloadSettings s = DownloadSettings.resolve(Map.of("hf_endpoint", "http://127.0.0.1:" + port() + "/"),
                Map.of("HF_TOKEN", "hf_secret123"));
        fetcher(s).fetch(manifest("https://huggingface.co/org/repo/resolve/" + REV + "/model.onnx"));
        assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("routed/model.onnx")));
        assertEquals(List.of(
                "127.0.0.1 /org/repo/resolve/" + REV + "/model.onnx Bearer hf_secret123",
                "localhost /cdn/blob -"), seen);
    }

    @Test
    void anHttpProxyCarriesRequestsForHostsThisMachineCannotResolve() throws Exception {
        DownloadSettings s = DownloadSettings.resolve(Map.of(), Map.of("HTTP_PROXY", "http://127.0.0.1:" + port()));
        fetcher(s).fetch(manifest("http://models.acgbot.invalid/direct/model.onnx"));
        assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("routed/model.onnx")));
        assertEquals(List.of("models.acgbot.invalid /direct/model.onnx -"), seen, "the proxy saw the real host");
    }

    @Test
    void noProxyHostsAreReachedDirectly() throws Exception {
        DownloadSettings s = DownloadSettings.resolve(Map.of("all_proxy", "http://proxy.acgbot.invalid:3128",
                "no_proxy", "example.org, 127.0.0.1"), Map.of());
        fetcher(s).fetch(manifest("http://127.0.0.1:" + port() + "/direct/model.onnx"));
        assertEquals(List.of("127.0.0.1 /direct/model.onnx -"), seen);
    }

    @Test
    void theEnvironmentOverridesTheConfigurationAndNoProxyMatchesSubdomains() {
        DownloadSettings s = DownloadSettings.resolve(
                Map.of("hf_endpoint", "https://config-mirror.example", "https_proxy", "http://config-proxy:3128",
                        "no_proxy", ".internal"),
                Map.of("HF_ENDPOINT", "https://hf-mirror.com/", "https_proxy", "proxy.corp:8080"));
        assertEquals(Optional.of("https://hf-mirror.com"), s.hubEndpoint());
        assertEquals("https://hf-mirror.com/a/b/resolve/" + REV + "/m.onnx",
                s.rewrite("https://huggingface.co/a/b/resolve/" + REV + "/m.onnx"));
        assertEquals("https://example.org/m.onnx", s.rewrite("https://example.org/m.onnx"), "only hub URLs move");
        assertEquals(Optional.of(URI.create("http://proxy.corp:8080")), s.proxyFor(URI.create("https://hf-mirror.com/x")));
        assertEquals(Optional.empty(), s.proxyFor(URI.create("https://models.internal/x")));
        assertEquals(Optional.empty(), s.proxyFor(URI.create("http://hf-mirror.com/x")), "no http proxy set");
        assertEquals("downloads from https://hf-mirror.com (mirror), via proxy proxy.corp:8080", s.describe());
        assertFalse(s.describe().contains("secret"));
    }

    @Test
    void unusableSettingsNameTheirSourceAndNeverEchoAPassword() {
        var socks = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DownloadSettings.resolve(Map.of(), Map.of("ALL_PROXY", "socks5://127.0.0.1:1080")));
        assertTrue(socks.getMessage().startsWith("ALL_PROXY: SOCKS proxies are not supported"), socks.getMessage());
        var pw = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DownloadSettings.resolve(Map.of("https_proxy", "http://me:hunter2@proxy:3128"), Map.of()));
        assertTrue(pw.getMessage().startsWith("models.download.https_proxy: proxy user names and passwords are not supported"), pw.getMessage());
        assertFalse(pw.getMessage().contains("hunter2"));
        var mirror = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DownloadSettings.resolve(Map.of(), Map.of("HF_ENDPOINT", "hf-mirror.com")));
        assertEquals("HF_ENDPOINT: expected an http(s) URL such as https://hf-mirror.com, got 'hf-mirror.com'", mirror.getMessage());
    }
}
