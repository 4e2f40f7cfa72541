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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetch against a local HTTP server on 127.0.0.1 (never the network). */
class ModelFetcherTest {
    private static final byte[] MODEL = new byte[300_000];
    private static final byte[] LABELS = "tag_id,name,category,count\n1,red_theme,0,5\n".getBytes(StandardCharsets.UTF_8);

    static {
        new Random(7).nextBytes(MODEL);
    }

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final AtomicInteger cutsLeft = new AtomicInteger();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/m.onnx", ex -> send(ex, MODEL));
        server.createContext("/tags.csv", ex -> send(ex, LABELS));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void send(HttpExchange ex, byte[] body) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        if (from > 0) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
        try (OutputStream out = ex.getResponseBody()) {
            if (cutsLeft.getAndDecrement() > 0) {
                out.write(body, from, (body.length - from) / 2);
                out.flush();
                throw new IOException("cut"); // the server drops the connection mid-body
            }
            out.write(body, from, body.length - from);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private ModelManifest manifest(String modelSha, String modelUrl) {
        return ManifestParser.parse("""
                id: fetch-test
                task: tagger
                files:
                  - {name: model.onnx, url: "%s", sha256: %s, size: %d}
                  - {name: selected_tags.csv, url: "%s", sha256: unknown}
                model: model.onnx
                input: {name: input, layout: NHWC, size: 448, resize: pad-square-white, interpolation: bicubic,
                        alpha: composite-white, colour_order: BGR, scale: 1}
                output: {name: output, activation: none}
                labels: {file: selected_tags.csv}
                """.formatted(modelUrl, modelSha, MODEL.length, url("/tags.csv")), "test", Optional.empty());
    }

    private ModelFetcher fetcher() {
        return new ModelFetcher(new ModelPaths(dir), new PrintStream(console, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void downloadsVerifiesAndShowsProgress() throws Exception {
        List<FileStatus> status = fetcher().fetch(manifest(sha(MODEL), url("/m.onnx")));
        assertArrayEquals(MODEL, Files.readAllBytes(dir.resolve("fetch-test/model.onnx")));
        assertEquals(FileStatus.State.OK, status.get(0).state());
        assertEquals(FileStatus.State.UNVERIFIED, status.get(1).state(), "sha256 unknown: recorded, not verified");
        assertTrue(status.get(1).detail().contains("matches the one recorded"), status.get(1).detail());
        assertEquals(sha(LABELS) + "  selected_tags.csv",
                Files.readString(dir.resolve("fetch-test/selected_tags.csv.sha256")).strip());
        String out = console.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\rmodel.onnx [") && out.contains("100%"), out);
        assertFalse(Files.exists(dir.resolve("fetch-test/model.onnx.part")));
    }

    @Test
    void aCutDownloadResumesWithARangeRequest() throws Exception {
        ModelManifest m = manifest(sha(MODEL), url("/m.onnx"));
        cutsLeft.set(1);
        FetchException cut = assertThrows(FetchException.class, () -> fetcher().fetch(m));
        assertFalse(cut.offline());
        assertTrue(cut.getMessage().contains("run fetch again to resume"), cut.getMessage());
        Path part = dir.resolve("fetch-test/model.onnx.part");
        long have = Files.size(part);
        assertTrue(have > 0 && have < MODEL.length, "partial file kept: " + have);
        fetcher().fetch(m);
        assertEquals("bytes=" + have + "-", ranges.get(ranges.size() - 2), "resumed where it stopped: " + ranges);
        assertArrayEquals(MODEL, Files.readAllBytes(dir.resolve("fetch-test/model.onnx")));
    }

    @Test
    void aChecksumMismatchDeletesTheDownloadAndSaysSo() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch(manifest("ab".repeat(32), url("/m.onnx"))));
        assertTrue(e.getMessage().contains("but the manifest expects " + "ab".repeat(32)), e.getMessage());
        assertFalse(Files.exists(dir.resolve("fetch-test/model.onnx")));
        assertFalse(Files.exists(dir.resolve("fetch-test/model.onnx.part")));
    }

    @Test
    void a404IsReportedWithTheUrl() throws Exception {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch(manifest(sha(MODEL), url("/missing.onnx"))));
        assertTrue(e.getMessage().contains("HTTP 404 for " + url("/missing.onnx")), e.getMessage());
        assertFalse(e.offline());
    }

    @Test
    void offlineFailsFastAndListsEveryFileToPlace() throws Exception {
        ModelManifest m = ManifestParser.parse("""
                id: offline-test
                task: tagger
                files:
                  - {name: model.onnx, url: "https://models.acgbot.invalid/m.onnx", sha256: %s}
                  - {name: selected_tags.csv, url: "https://models.acgbot.invalid/tags.csv", sha256: unknown}
                model: model.onnx
                input: {name: input, layout: NHWC, size: 448, resize: pad-square-white, interpolation: bicubic,
                        alpha: composite-white, colour_order: BGR, scale: 1}
                output: {name: output, activation: none}
                labels: {file: selected_tags.csv}
                """.formatted(sha(MODEL)), "test", Optional.empty());
        long t0 = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(m));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5000, "fails fast: " + ms + " ms");
        assertTrue(e.offline());
        String msg = e.getMessage();
        assertTrue(msg.contains("looks offline"), msg);
        assertTrue(msg.contains(dir.resolve("offline-test/model.onnx").toString() + "  <- https://models.acgbot.invalid/m.onnx"), msg);
        assertTrue(msg.contains(dir.resolve("offline-test/selected_tags.csv").toString()), msg);
        assertTrue(msg.contains("sha256 " + sha(MODEL)), msg);
        assertFalse(Files.exists(dir.resolve("offline-test/model.onnx.part")), "nothing written");
    }

    @Test
    void verifyFindsMissingChangedAndGoodFilesWithoutDownloading() throws Exception {
        ModelManifest m = manifest(sha(MODEL), url("/m.onnx"));
        assertEquals(List.of(FileStatus.State.MISSING, FileStatus.State.MISSING),
                fetcher().verify(m).stream().map(FileStatus::state).toList());
        fetcher().fetch(m);
        int requests = ranges.size();
        Path model = dir.resolve("fetch-test/model.onnx");
        byte[] changed = MODEL.clone();
        changed[5] ^= 1;
        Files.write(model, changed);
        assertEquals(FileStatus.State.CHECKSUM_MISMATCH, fetcher().verify(m).get(0).state());
        Files.write(dir.resolve("fetch-test/selected_tags.csv"), "other".getBytes(StandardCharsets.UTF_8));
        assertEquals(FileStatus.State.CHECKSUM_MISMATCH, fetcher().verify(m).get(1).state(),
                "differs from the checksum recorded at fetch");
        Files.write(model, new byte[10]);
        assertEquals(FileStatus.State.SIZE_MISMATCH, fetcher().verify(m).get(0).state());
        assertEquals(requests, ranges.size(), "verify never downloads");
    }

    @Test
    void filesWithoutUrlAskToBePlacedByHand() {
        ModelManifest m = ManifestParser.parse("""
                id: local-export
                task: clip-image
                embedding_space: s
                files:
                  - {name: my-export.onnx, url: none, sha256: unknown}
                model: my-export.onnx
                input: {name: image, layout: NCHW, size: 224, resize: squash, interpolation: bicubic,
                        alpha: drop, colour_order: RGB, scale: 1/255}
                output: {name: out}
                embedding: {dim: 512}
                """, "test", Optional.empty());
        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(m));
        assertTrue(e.getMessage().contains(dir.resolve("local-export/my-export.onnx") + "  (no public download: see test)"), e.getMessage());
    }
}
