package dev.acgbot.adapterkit.links;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.acgbot.adapterkit.links.LinkRefusedException.Reason;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The link fetcher against a real HTTP server on 127.0.0.1. Host names come from a table resolver; the loopback is
 * reachable only where a test names it in {@link LinkFetchRules#withTestOnlyAllowed}, as the bot's rules never do.
 */
class SafeLinkFetcherTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4};
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private HttpServer server;
    private int port;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final OkHttpClient base = new OkHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        port = server.getAddress().getPort();
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestHeaders().getFirst("Host") + path);
        switch (path) {
            case "/img.png" -> send(ex, 200, "image/png", PNG);
            case "/octet.bin" -> send(ex, 200, "application/octet-stream", PNG);
            case "/page.html" -> send(ex, 200, "text/html; charset=utf-8", "<!doctype html><p>hi".getBytes(StandardCharsets.UTF_8));
            case "/html-as-octets" -> send(ex, 200, "application/octet-stream", "<!doctype html><p>hi".getBytes(StandardCharsets.UTF_8));
            case "/missing" -> send(ex, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8));
            case "/to-b" -> redirect(ex, "http://b.test:" + port + "/img.png");
            case "/to-relative" -> redirect(ex, "/img.png");
            case "/to-internal" -> redirect(ex, "http://internal.test:" + port + "/secret");
            case "/to-metadata" -> redirect(ex, "http://169.254.169.254/latest/meta-data/");
            case "/to-file" -> redirect(ex, "file:///etc/passwd");
            case "/loop" -> redirect(ex, "/loop");
            case "/declared-big" -> {
                ex.getResponseHeaders().set("Content-Type", "image/png");
                ex.sendResponseHeaders(200, 5_000);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(PNG);
                    out.flush();
                    Thread.sleep(3_000); // the rest never comes: the fetcher must decide from the header alone
                } catch (IOException | InterruptedException ignored) {
                    // the fetcher hung up
                }
            }
            case "/streamed-big" -> {
                ex.getResponseHeaders().set("Content-Type", "image/png");
                ex.sendResponseHeaders(200, 0); // chunked: no length to check before reading
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(PNG);
                    for (int i = 0; i < 50; i++) {
                        out.write(new byte[1000]);
                    }
                } catch (IOException ignored) {
                    // the fetcher hung up at the limit
                }
            }
            case "/slow" -> {
                ex.getResponseHeaders().set("Content-Type", "image/png");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(PNG);
                    out.flush();
                    Thread.sleep(3_000);
                    out.write(new byte[10]);
                } catch (IOException | InterruptedException ignored) {
                    // the fetcher gave up first
                }
            }
            default -> send(ex, 404, "text/plain", new byte[0]);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    /** public.test, a.test, b.test are this server; internal.test is a private address; every other name is unknown. */
    private static HostResolver table(Map<String, String> names) {
        return host -> {
            String address = names.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> all = new java.util.ArrayList<>();
            for (String a : address.split(",")) {
                all.add(InetAddress.getByName(a));
            }
            return all;
        };
    }

    private static final Map<String, String> NAMES = Map.of("public.test", "127.0.0.1", "a.test", "127.0.0.1",
            "b.test", "127.0.0.1", "internal.test", "10.0.0.7", "mixed.test", "93.184.216.34,192.168.0.5");

    /** Rules that let the test server's loopback address through, as a public host would be. */
    private SafeLinkFetcher allowingTestServer() {
        return new SafeLinkFetcher(base, LinkFetchRules.defaults().withTestOnlyAllowed(table(NAMES), Set.of(LOOPBACK)));
    }

    /** The bot's own rules (no allowance) with the table resolver. */
    private SafeLinkFetcher productRules() {
        LinkFetchRules defaults = LinkFetchRules.defaults();
        return new SafeLinkFetcher(base, new LinkFetchRules(defaults.connectTimeout(), defaults.totalTimeout(),
                defaults.maxRedirects(), table(NAMES), defaults.testOnlyAllowed()));
    }

    private URI url(String host, String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    private static Reason refusal(SafeLinkFetcher fetcher, URI link, long max) {
        return assertThrows(LinkRefusedException.class, () -> fetcher.fetch(link, max)).reason();
    }

    @Test
    void theBotsRulesHaveNoAllowanceForNonPublicAddresses() {
        assertEquals(Set.of(), LinkFetchRules.defaults().testOnlyAllowed());
    }

    @Test
    void fetchesAnImageFromAnAllowedHost() throws IOException {
        assertArrayEquals(PNG, allowingTestServer().fetch(url("public.test", "/img.png"), 1000));
        assertArrayEquals(PNG, allowingTestServer().fetch(url("public.test", "/octet.bin"), 1000));
    }

    @Test
    void refusesAPublicLookingNameThatResolvesToTheLoopbackWithoutConnecting() {
        LinkRefusedException e = assertThrows(LinkRefusedException.class,
                () -> productRules().fetch(url("public.test", "/img.png"), 1000));
        assertEquals(Reason.PRIVATE_ADDRESS, e.reason());
        assertEquals("public.test", e.host());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertEquals(List.of(), requests, "nothing may reach the server");
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsPrivate() {
        assertEquals(Reason.PRIVATE_ADDRESS, refusal(productRules(), URI.create("http://mixed.test/a.png"), 1000));
    }

    @Test
    void refusesPrivateAndMetadataAddressLiterals() {
        for (String link : List.of("http://127.0.0.1:" + port + "/img.png", "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/a.png", "http://[::1]:" + port + "/img.png", "http://[::ffff:127.0.0.1]:" + port + "/img.png",
                "https://192.168.0.1/a.png", "http://[fe80::1]/a.png", "http://0.0.0.0:" + port + "/img.png",
                "http://public.test@127.0.0.1:" + port + "/img.png")) {
            assertEquals(Reason.PRIVATE_ADDRESS, refusal(productRules(), URI.create(link), 1000), link);
        }
        // other spellings of the loopback, as the bot's own (system) resolver reads them
        for (String link : List.of("http://2130706433:" + port + "/img.png", "http://127.1:" + port + "/img.png",
                "http://0x7f000001:" + port + "/img.png")) {
            LinkRefusedException e = assertThrows(LinkRefusedException.class,
                    () -> new SafeLinkFetcher(base, LinkFetchRules.defaults()).fetch(URI.create(link), 1000));
            assertTrue(e.reason() == Reason.PRIVATE_ADDRESS || e.reason() == Reason.UNREACHABLE, link + ": " + e.getMessage());
        }
        assertEquals(List.of(), requests);
    }

    @Test
    void connectsToTheAddressItCheckedSoARebindingNameCannotSwitchToAPrivateOne() throws IOException {
        // a DNS server that answers an allowed address first and a private one afterwards (DNS rebinding)
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        HostResolver rebinding = host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1"));
        SafeLinkFetcher fetcher = new SafeLinkFetcher(base, LinkFetchRules.defaults().withTestOnlyAllowed(rebinding, Set.of(LOOPBACK)));
        assertArrayEquals(PNG, fetcher.fetch(url("rebind.test", "/img.png"), 1000));
        assertEquals(1, lookups.get(), "one lookup, and the connection went to its checked answer");
        assertEquals(List.of("rebind.test:" + port + "/img.png"), requests);
    }

    @Test
    void digitsAndDotsThatJavaWouldLookUpAreRefusedRatherThanResolvedTwice() {
        assertTrue(SafeLinkFetcher.javaReadsAsIpv4("127.1"));
        assertTrue(SafeLinkFetcher.javaReadsAsIpv4("2130706433"));
        assertTrue(SafeLinkFetcher.javaReadsAsIpv4("10.0.0.1"));
        assertEquals(false, SafeLinkFetcher.javaReadsAsIpv4("1.2.3.4.5"));
        assertEquals(false, SafeLinkFetcher.javaReadsAsIpv4("300.1.1.1"));
        assertEquals(false, SafeLinkFetcher.javaReadsAsIpv4("1..2"));
        assertEquals(Reason.UNREACHABLE, refusal(allowingTestServer(), URI.create("http://1.2.3.4.5/a.png"), 1000));
    }

    @Test
    void followsARedirectToAnotherAllowedHost() throws IOException {
        assertArrayEquals(PNG, allowingTestServer().fetch(url("a.test", "/to-b"), 1000));
        assertArrayEquals(PNG, allowingTestServer().fetch(url("a.test", "/to-relative"), 1000));
        assertEquals(List.of("a.test:" + port + "/to-b", "b.test:" + port + "/img.png",
                "a.test:" + port + "/to-relative", "a.test:" + port + "/img.png"), requests);
    }

    @Test
    void refusesARedirectFromAPublicHostToAPrivateOne() {
        assertEquals(Reason.PRIVATE_ADDRESS, refusal(allowingTestServer(), url("public.test", "/to-internal"), 1000));
        assertEquals(Reason.PRIVATE_ADDRESS, refusal(allowingTestServer(), url("public.test", "/to-metadata"), 1000));
        assertEquals(List.of("public.test:" + port + "/to-internal", "public.test:" + port + "/to-metadata"), requests);
    }

    @Test
    void refusesSchemesOtherThanHttpAndHttpsGivenOrRedirectedTo() {
        assertEquals(Reason.UNSUPPORTED_SCHEME, refusal(allowingTestServer(), URI.create("file:///etc/passwd"), 1000));
        assertEquals(Reason.UNSUPPORTED_SCHEME, refusal(allowingTestServer(), URI.create("ftp://public.test/a.png"), 1000));
        assertEquals(Reason.UNSUPPORTED_SCHEME, refusal(allowingTestServer(), url("public.test", "/to-file"), 1000));
    }

    @Test
    void stopsAfterTheRedirectLimit() {
        LinkRefusedException e = assertThrows(LinkRefusedException.class,
                () -> allowingTestServer().fetch(url("public.test", "/loop"), 1000));
        assertEquals(Reason.TOO_MANY_REDIRECTS, e.reason());
        assertEquals(LinkFetchRules.defaults().maxRedirects() + 1, requests.size(), requests::toString);
    }

    @Test
    void refusesATooLargeDeclaredLengthBeforeReadingAndATooLongStreamWhileReading() {
        LinkRefusedException declared = assertThrows(LinkRefusedException.class,
                () -> allowingTestServer().fetch(url("public.test", "/declared-big"), 1000));
        assertEquals(Reason.TOO_LARGE, declared.reason());
        assertTrue(declared.getMessage().contains("Content-Length 5000"), declared.getMessage());
        LinkRefusedException streamed = assertThrows(LinkRefusedException.class,
                () -> allowingTestServer().fetch(url("public.test", "/streamed-big"), 1000));
        assertEquals(Reason.TOO_LARGE, streamed.reason());
        assertEquals(1000, streamed.limit());
        assertTrue(streamed.getMessage().contains("while downloading"), streamed.getMessage());
    }

    @Test
    void givesUpOnASlowServerAtTheTotalDeadline() {
        SafeLinkFetcher fetcher = new SafeLinkFetcher(base, LinkFetchRules.defaults()
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(400))
                .withTestOnlyAllowed(table(NAMES), Set.of(LOOPBACK)));
        long start = System.nanoTime();
        assertEquals(Reason.TOO_SLOW, refusal(fetcher, url("public.test", "/slow"), 1000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "took " + millis + " ms against a 400 ms limit");
    }

    @Test
    void refusesWhatIsNotAnImage() {
        assertEquals(Reason.NOT_AN_IMAGE, refusal(allowingTestServer(), url("public.test", "/page.html"), 1000));
        assertEquals(Reason.NOT_AN_IMAGE, refusal(allowingTestServer(), url("public.test", "/html-as-octets"), 1000));
    }

    @Test
    void unknownHostsAndErrorStatusesAreUnreachable() {
        assertEquals(Reason.UNREACHABLE, refusal(allowingTestServer(), URI.create("http://nowhere.test/a.png"), 1000));
        assertEquals(Reason.UNREACHABLE, refusal(allowingTestServer(), url("public.test", "/missing"), 1000));
    }

    @Test
    void behindAProxyAPublicHostIsFetchedThroughTheProxy() throws IOException {
        // this server plays an HTTP proxy: it gets the absolute-form request for www.example and answers it
        OkHttpClient proxied = base.newBuilder().proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(LOOPBACK, port))).build();
        LinkFetchRules defaults = LinkFetchRules.defaults();
        SafeLinkFetcher fetcher = new SafeLinkFetcher(proxied, new LinkFetchRules(defaults.connectTimeout(),
                defaults.totalTimeout(), defaults.maxRedirects(), table(Map.of("www.example", "93.184.216.34")), Set.of()));
        assertArrayEquals(PNG, fetcher.fetch(URI.create("http://www.example/img.png"), 1000));
        assertEquals(List.of("www.example/img.png"), requests);
    }

    @Test
    void behindAProxyTheLinksHostIsStillResolvedAndCheckedHere() {
        OkHttpClient proxied = base.newBuilder().proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(LOOPBACK, port))).build();
        LinkFetchRules defaults = LinkFetchRules.defaults();
        SafeLinkFetcher fetcher = new SafeLinkFetcher(proxied, new LinkFetchRules(defaults.connectTimeout(),
                defaults.totalTimeout(), defaults.maxRedirects(), table(NAMES), Set.of()));
        assertEquals(Reason.PRIVATE_ADDRESS, refusal(fetcher, URI.create("http://internal.test/secret"), 1000));
        assertEquals(Reason.PRIVATE_ADDRESS, refusal(fetcher, URI.create("http://169.254.169.254/latest/meta-data/"), 1000));
        assertEquals(List.of(), requests, "the proxy (this server) must not be asked");
    }
}
