package dev.acgbot.models.fetch;

import dev.acgbot.models.fetch.FileStatus.State;
import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code models fetch} and {@code models verify}: downloads a model's files into
 * {@code <models dir>/<id>/}, with a carriage-return progress line, resume of interrupted downloads
 * ({@code <file>.part} plus an HTTP Range request) and sha256 checks. Where the manifest says
 * {@code sha256: unknown}, the checksum of what was downloaded is recorded beside the file
 * ({@code <file>.sha256}) and verify compares against that record.
 *
 * <p>Offline (DNS fails, or no connection within the connect timeout) it stops at the first file, before
 * writing anything, with a message listing every file to place by hand and where.
 */
public final class ModelFetcher {
    private final ModelPaths paths;
    private final PrintStream progress;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient http;
    private final DownloadSettings settings;

    public ModelFetcher(ModelPaths paths, PrintStream progress) {
        this(paths, progress, DownloadSettings.none());
    }

    public ModelFetcher(ModelPaths paths, PrintStream progress, DownloadSettings settings) {
        this(paths, progress, settings, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    public ModelFetcher(ModelPaths paths, PrintStream progress, Duration connectTimeout, Duration readTimeout) {
        this(paths, progress, DownloadSettings.none(), connectTimeout, readTimeout);
    }

    /**
     * @param connectTimeout DNS lookup and TCP connect limit each: short, so offline machines fail fast
     * @param readTimeout    limit for the response headers
     */
    public ModelFetcher(ModelPaths paths, PrintStream progress, DownloadSettings settings, Duration connectTimeout,
                        Duration readTimeout) {
        this.paths = paths;
        this.progress = progress;
        this.settings = settings;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // redirects are followed by hand: the hub redirects to a CDN host, which must not receive the token
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).proxy(new SettingsProxySelector(settings))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The URL a file is downloaded from after the mirror setting is applied. */
    public String effectiveUrl(ModelFile f) {
        return settings.rewrite(f.url().orElseThrow());
    }

    /**
     * Makes every file of the model present and verified; files already fine are left alone.
     *
     * @return the state of each file afterwards
     * @throws FetchException when a file cannot be downloaded or fails its checksum
     */
    public List<FileStatus> fetch(ModelManifest manifest) {
        List<ModelFile> todo = new ArrayList<>();
        for (FileStatus s : verify(manifest)) {
            if (!s.state().usable()) {
                todo.add(s.file());
            }
        }
        List<ModelFile> manual = todo.stream().filter(f -> f.url().isEmpty() || f.localPath().isPresent()).toList();
        if (!manual.isEmpty()) {
            throw new FetchException("model " + manifest.id() + ": these files have no download URL; place them by hand:"
                    + PlacementAdvice.forFiles(manifest, paths, manual), false, null);
        }
        for (int i = 0; i < todo.size(); i++) {
            ModelFile f = todo.get(i);
            try {
                download(manifest, f);
            } catch (FetchException e) {
                if (e.offline()) {
                    throw new FetchException("model " + manifest.id() + ": cannot reach " + URI.create(effectiveUrl(f)).getHost() + " ("
                            + e.getMessage() + "); this machine looks offline. Place these files by hand:"
                            + PlacementAdvice.forFiles(manifest, paths, todo.subList(i, todo.size())), true, e);
                }
                throw e;
            }
        }
        return verify(manifest);
    }

    /** Checks every file without downloading: presence, size, and sha256 (or the recorded one when unknown). */
    public List<FileStatus> verify(ModelManifest manifest) {
        List<FileStatus> out = new ArrayList<>();
        for (ModelFile f : manifest.files()) {
            out.add(check(manifest, f));
        }
        return out;
    }

    private FileStatus check(ModelManifest manifest, ModelFile f) {
        Path p = paths.resolve(manifest, f);
        if (!Files.isRegularFile(p)) {
            return new FileStatus(f, p, State.MISSING, "", "missing");
        }
        try {
            long size = Files.size(p);
            if (f.size() >= 0 && size != f.size()) {
                return new FileStatus(f, p, State.SIZE_MISMATCH, "", size + " bytes, manifest says " + f.size());
            }
            String sum = FileChecksums.sha256(p);
            if (f.sha256().isPresent()) {
                return f.sha256().get().equals(sum)
                        ? new FileStatus(f, p, State.OK, sum, "sha256 ok")
                        : new FileStatus(f, p, State.CHECKSUM_MISMATCH, sum, "sha256 " + sum + ", manifest says " + f.sha256().get());
            }
            Path record = sidecar(p);
            if (Files.isRegularFile(record)) {
                String recorded = Files.readString(record, StandardCharsets.UTF_8).strip().split("\\s+")[0];
                return recorded.equals(sum)
                        ? new FileStatus(f, p, State.UNVERIFIED, sum, "sha256 unknown in the manifest; matches the one recorded at fetch")
                        : new FileStatus(f, p, State.CHECKSUM_MISMATCH, sum, "sha256 " + sum + " differs from the one recorded at fetch (" + recorded + ")");
            }
            return new FileStatus(f, p, State.UNVERIFIED, sum, "sha256 unknown in the manifest; cannot verify (now " + sum + ")");
        } catch (IOException e) {
            return new FileStatus(f, p, State.MISSING, "", "unreadable: " + e.getMessage());
        }
    }

    private void download(ModelManifest manifest, ModelFile f) {
        URI uri = URI.create(effectiveUrl(f));
        if (settings.proxyFor(uri).isEmpty()) {
            resolveHost(uri); // through a proxy, the proxy resolves names
        }
        Path target = paths.resolve(manifest, f);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            HttpResponse<InputStream> resp = sendFollowingRedirects(uri, have);
            int code = resp.statusCode();
            boolean append = code == HttpURLConnection.HTTP_PARTIAL && have > 0;
            if (code == 416 && have > 0) {
                resp.body().close();
                Files.delete(part); // the partial file is not a prefix the server recognises: start over
                download(manifest, f);
                return;
            }
            if (code != HttpURLConnection.HTTP_OK && !append) {
                resp.body().close();
                throw new FetchException("model " + manifest.id() + ": HTTP " + code + " for " + uri, false, null);
            }
            long start = append ? have : 0;
            long total = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            total = total >= 0 ? total + start : f.size();
            copy(resp.body(), part, append, start, total, f.name());
            finish(manifest, f, part, target);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new FetchException("connect to " + uri.getHost() + " failed: " + e.getMessage(), true, e);
        } catch (IOException e) {
            throw new FetchException("model " + manifest.id() + ": download of " + uri + " stopped (" + e.getMessage()
                    + "); run fetch again to resume from " + part, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + uri, false, e);
        }
    }

    /**
     * GET with up to 10 redirects; the token goes only to the hub's own host (huggingface_hub does the same:
     * the CDN's signed URL must not see it, and some CDNs reject a second authorisation).
     */
    private HttpResponse<InputStream> sendFollowingRedirects(URI start, long have)
            throws IOException, InterruptedException {
        URI uri = start;
        for (int hop = 0; hop <= 10; hop++) {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(readTimeout).GET()
                    .header("User-Agent", "acgbot-model-fetch");
            if (have > 0) {
                req.header("Range", "bytes=" + have + "-");
            }
            if (settings.hubToken().isPresent() && settings.hubHost().equalsIgnoreCase(uri.getHost())) {
                req.header("Authorization", "Bearer " + settings.hubToken().get());
            }
            HttpResponse<InputStream> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            int code = resp.statusCode();
            var location = resp.headers().firstValue("Location");
            if (code / 100 != 3 || code == 304 || location.isEmpty()) {
                return resp;
            }
            resp.body().close();
            uri = uri.resolve(location.get());
        }
        throw new IOException("more than 10 redirects from " + start);
    }

    private void copy(InputStream body, Path part, boolean append, long start, long total, String name)
            throws IOException {
        Progress bar = new Progress(progress, name, start, total);
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                out.write(buf, 0, r);
                bar.advance(r);
            }
        } finally {
            bar.end();
        }
    }

    private void finish(ModelManifest manifest, ModelFile f, Path part, Path target) throws IOException {
        long size = Files.size(part);
        if (f.size() >= 0 && size != f.size()) {
            if (size > f.size()) {
                Files.delete(part);
            }
            throw new FetchException("model " + manifest.id() + ": " + f.name() + " is " + size + " bytes, expected "
                    + f.size() + (size > f.size() ? "; deleted, run fetch again" : "; run fetch again to resume"), false, null);
        }
        String sum = FileChecksums.compute(part);
        if (f.sha256().isPresent() && !f.sha256().get().equals(sum)) {
            Files.delete(part);
            throw new FetchException("model " + manifest.id() + ": " + f.name() + " has sha256 " + sum
                    + " but the manifest expects " + f.sha256().get() + "; the download was deleted", false, null);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (f.sha256().isEmpty()) {
            Files.writeString(sidecar(target), sum + "  " + f.name() + "\n", StandardCharsets.UTF_8);
            progress.println("  " + f.name() + ": the manifest gives no sha256; recorded " + sum + " in "
                    + sidecar(target).getFileName() + " (put it in the manifest to pin it)");
        }
    }

    /** DNS in a bounded time: a resolver with no network can otherwise stall for many seconds. */
    private void resolveHost(URI uri) {
        String host = uri.getHost();
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new UnresolvedAddressException();
            }
        });
        try {
            lookup.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new FetchException("DNS lookup of " + host + " timed out", true, e);
        } catch (ExecutionException e) {
            throw new FetchException("DNS cannot resolve " + host, true, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted resolving " + host, false, e);
        }
    }

    /** Java's HttpClient asks a ProxySelector per request: this one answers from the download settings. */
    private static final class SettingsProxySelector extends java.net.ProxySelector {
        private final DownloadSettings settings;

        SettingsProxySelector(DownloadSettings settings) {
            this.settings = settings;
        }

        @Override
        public List<java.net.Proxy> select(URI uri) {
            return settings.proxyFor(uri).map(p -> List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                    java.net.InetSocketAddress.createUnresolved(p.getHost(), p.getPort() > 0 ? p.getPort()
                            : "https".equals(p.getScheme()) ? 443 : 80)))).orElse(List.of(java.net.Proxy.NO_PROXY));
        }

        @Override
        public void connectFailed(URI uri, java.net.SocketAddress sa, IOException ioe) {
            // the request fails with its own exception; nothing to remember
        }
    }

    static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    /** One carriage-return-updated line: name, percent, bytes, rate; redrawn at most every 200 ms. */
    private static final class Progress {
        private final PrintStream out;
        private final String name;
        private final long total;
        private final long startNanos = System.nanoTime();
        private final long startBytes;
        private long done;
        private long lastDraw;

        Progress(PrintStream out, String name, long start, long total) {
            this.out = out;
            this.name = name;
            this.done = start;
            this.startBytes = start;
            this.total = total;
            draw();
        }

        void advance(long n) {
            done += n;
            long now = System.nanoTime();
            if (now - lastDraw > 200_000_000L) {
                draw();
            }
        }

        void end() {
            draw();
            out.println();
        }

        private void draw() {
            lastDraw = System.nanoTime();
            double secs = Math.max(1e-3, (lastDraw - startNanos) / 1e9);
            double rate = (done - startBytes) / secs / 1e6;
            StringBuilder line = new StringBuilder("\r").append(name).append(' ');
            if (total > 0) {
                int pct = (int) Math.min(100, done * 100 / total);
                int filled = pct * 30 / 100;
                line.append('[').append("#".repeat(filled)).append(" ".repeat(30 - filled)).append("] ")
                        .append(String.format(Locale.ROOT, "%3d%% %.1f/%.1f MB", pct, done / 1e6, total / 1e6));
            } else {
                line.append(String.format(Locale.ROOT, "%.1f MB", done / 1e6));
            }
            line.append(String.format(Locale.ROOT, " %.1f MB/s", rate));
            out.print(line);
            out.flush();
        }
    }
}
