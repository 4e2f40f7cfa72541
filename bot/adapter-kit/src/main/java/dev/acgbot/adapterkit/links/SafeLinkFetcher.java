package dev.acgbot.adapterkit.links;

import dev.acgbot.adapterkit.links.LinkRefusedException.Reason;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fetches an image a user linked to without letting the link reach what only the bot can reach.
 *
 * <ul>
 *   <li>http and https only, for the link and for every redirect;</li>
 *   <li>host names are resolved here ({@link LinkFetchRules#resolver()}) and every address must be public
 *       ({@link PublicAddresses}); OkHttp then connects to exactly those addresses (its {@link Dns} is this check),
 *       so there is no second lookup a rebinding DNS server could answer differently. IP literals, which OkHttp
 *       never passes to its {@code Dns}, are checked before the call;</li>
 *   <li>redirects are followed here, one call per hop, each hop checked the same way, at most
 *       {@link LinkFetchRules#maxRedirects()};</li>
 *   <li>a Content-Length over the limit is refused before the body is read, and the body is counted while it
 *       streams (a missing or lying length changes nothing);</li>
 *   <li>a connect timeout per attempt and one deadline for the whole fetch, every hop included;</li>
 *   <li>a Content-Type that is not an image, or bytes that start like no image format, are refused.</li>
 * </ul>
 *
 * <p>Behind a proxy ({@code network.proxy}, {@code HTTPS_PROXY}; the client's proxy selector), the proxy resolves
 * and connects, so the address actually reached cannot be checked here. The link's host is then resolved here
 * and refused when any address is not public, which stops plain links to internal names and addresses; a DNS
 * server that answers the proxy differently from the bot is out of reach of this check (docs/adapters.md).
 */
public final class SafeLinkFetcher {
    private static final Set<String> SCHEMES = Set.of("http", "https");
    /**
     * What OkHttp takes for an address and connects to without asking its Dns (its own test, copied): not only
     * dotted quads but any digits-and-dots host, which Java reads as an address too ({@code 2130706433} and
     * {@code 127.1} are 127.0.0.1).
     */
    private static final Pattern OKHTTP_IP_LITERAL = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");
    private static final int BUFFER = 16 * 1024;

    private final OkHttpClient client;
    private final LinkFetchRules rules;

    /** @param base the adapter's client: its threads, pool and proxy settings are shared, its redirects are not */
    public SafeLinkFetcher(OkHttpClient base, LinkFetchRules rules) {
        this.rules = rules;
        this.client = base.newBuilder()
                .dns(this::lookup)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(rules.connectTimeout())
                .readTimeout(rules.totalTimeout())
                .callTimeout(rules.totalTimeout())
                .build();
    }

    public LinkFetchRules rules() {
        return rules;
    }

    /**
     * The bytes at the link, following safe redirects.
     *
     * @throws LinkRefusedException    with the reason the user is told
     * @throws InterruptedIOException  when the calling thread was interrupted (the command's deadline)
     */
    public byte[] fetch(URI link, long maxBytes) throws IOException {
        String shown = shownHost(link);
        long deadline = System.nanoTime() + rules.totalTimeout().toNanos();
        HttpUrl url = firstUrl(link, shown);
        for (int hop = 0; ; hop++) {
            try {
                precheck(url, shown);
            } catch (NonPublicAddressException e) {
                throw refused(Reason.PRIVATE_ADDRESS, shown, e.getMessage(), -1, null);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw refused(Reason.TOO_SLOW, shown, "deadline passed before hop " + hop, rules.totalTimeout().toMillis(), null);
            }
            Request request = new Request.Builder().url(url).get()
                    .header("Accept", "image/*")
                    .header("User-Agent", "acgbot (image link fetch)")
                    .build();
            // the rest of the one deadline (a per-hop client shares the pool and threads; okio's Timeout is not ours to use)
            Call call = client.newBuilder().callTimeout(Duration.ofNanos(remaining)).build().newCall(request);
            try (Response response = call.execute()) {
                if (response.isRedirect()) {
                    if (hop >= rules.maxRedirects()) {
                        throw refused(Reason.TOO_MANY_REDIRECTS, shown, "more than " + rules.maxRedirects()
                                + " redirects, last from " + url.host(), rules.maxRedirects(), null);
                    }
                    url = next(url, response.header("Location"), shown);
                    continue;
                }
                if (!response.isSuccessful()) {
                    throw refused(Reason.UNREACHABLE, shown, "HTTP " + response.code() + " from " + url.host(), -1, null);
                }
                return body(response, url, shown, maxBytes);
            } catch (LinkRefusedException e) {
                throw e;
            } catch (IOException e) {
                throw translate(e, shown, url);
            }
        }
    }

    private HttpUrl firstUrl(URI link, String shown) throws LinkRefusedException {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw refused(Reason.UNSUPPORTED_SCHEME, shown, "scheme " + scheme, -1, null);
        }
        HttpUrl url = HttpUrl.parse(link.toString());
        if (url == null) {
            throw refused(Reason.UNREACHABLE, shown, "not a valid link", -1, null);
        }
        return url;
    }

    private static HttpUrl next(HttpUrl from, String location, String shown) throws LinkRefusedException {
        if (location == null || location.isBlank()) {
            throw refused(Reason.UNREACHABLE, shown, "redirect without Location from " + from.host(), -1, null);
        }
        HttpUrl to = from.resolve(location.strip());
        if (to == null) {
            String scheme = location.strip().replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*):.*$", "$1");
            if (!scheme.equals(location.strip())) {
                throw refused(Reason.UNSUPPORTED_SCHEME, shown, "redirect from " + from.host() + " to scheme "
                        + scheme.toLowerCase(Locale.ROOT), -1, null);
            }
            throw refused(Reason.UNREACHABLE, shown, "unusable redirect from " + from.host(), -1, null);
        }
        return to;
    }

    /** What OkHttp would not pass through {@link #lookup}: IP literals, and any host when a proxy resolves it. */
    private void precheck(HttpUrl url, String shown) throws LinkRefusedException, UnknownHostException {
        String host = url.host();
        if (OKHTTP_IP_LITERAL.matcher(host).matches()) {
            if (host.indexOf(':') < 0 && !javaReadsAsIpv4(host)) {
                // Java would look such a name up (1.2.3.4.5): a second lookup this check cannot pin
                throw refused(Reason.UNREACHABLE, shown, host + " is neither an address nor a host name", -1, null);
            }
            InetAddress literal = InetAddress.getByName(host); // what OkHttp will connect to, parsed the same way
            if (!rules.allows(literal)) {
                throw refused(Reason.PRIVATE_ADDRESS, shown, host + " is not a public address", -1, null);
            }
            return;
        }
        if (proxied(url)) {
            // the proxy resolves the name itself; refuse at least what the bot's own DNS says is internal
            lookup(host);
        }
    }

    /** The forms Java parses as an IPv4 literal without a lookup: a, a.b, a.b.c, a.b.c.d, the last part filling the rest. */
    static boolean javaReadsAsIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 10) {
                return false;
            }
            long value = Long.parseLong(parts[i]);
            long max = i == parts.length - 1 ? (1L << (8 * (4 - i))) - 1 : 255;
            if (value > max) {
                return false;
            }
        }
        return true;
    }

    private boolean proxied(HttpUrl url) {
        if (client.proxy() != null) {
            return client.proxy().type() != Proxy.Type.DIRECT;
        }
        try {
            List<Proxy> proxies = client.proxySelector().select(url.uri());
            return proxies != null && !proxies.isEmpty() && proxies.get(0).type() != Proxy.Type.DIRECT;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The one name lookup per connection: every address must be allowed, and OkHttp connects to these. */
    private List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> addresses = rules.resolver().resolve(host);
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            if (!rules.allows(address)) {
                throw new NonPublicAddressException(host, address);
            }
        }
        return List.copyOf(addresses);
    }

    private static byte[] body(Response response, HttpUrl url, String shown, long maxBytes) throws IOException {
        String type = response.header("Content-Type");
        if (type != null && !imageType(type)) {
            throw refused(Reason.NOT_AN_IMAGE, shown, "Content-Type " + type.strip() + " from " + url.host(), -1, null);
        }
        ResponseBody body = response.body();
        long length = body.contentLength();
        if (length > maxBytes) {
            throw refused(Reason.TOO_LARGE, shown, "Content-Length " + length + " over " + maxBytes, maxBytes, null);
        }
        byte[] bytes = readAtMost(body.byteStream(), shown, maxBytes);
        if (!ImageMagic.looksLikeImage(bytes)) {
            throw refused(Reason.NOT_AN_IMAGE, shown, bytes.length + " bytes that start like no image format", -1, null);
        }
        return bytes;
    }

    private static byte[] readAtMost(InputStream in, String shown, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw refused(Reason.TOO_LARGE, shown, "more than " + maxBytes + " bytes while downloading", maxBytes, null);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean imageType(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        // octet-stream: object stores often serve images so; the bytes are checked instead
        return media.startsWith("image/") || media.equals("application/octet-stream") || media.equals("binary/octet-stream");
    }

    private IOException translate(IOException e, String shown, HttpUrl url) {
        if (Thread.currentThread().isInterrupted()) {
            return e; // the command's deadline stopped it: the router already answers that
        }
        NonPublicAddressException nonPublic = find(e, NonPublicAddressException.class);
        if (nonPublic != null) {
            return refused(Reason.PRIVATE_ADDRESS, shown, nonPublic.getMessage(), -1, null);
        }
        if (find(e, InterruptedIOException.class) != null) { // OkHttp's call timeout, or a connect/read timeout
            return refused(Reason.TOO_SLOW, shown, "no complete answer from " + url.host() + " within "
                    + rules.totalTimeout().toMillis() + " ms (" + e + ")", rules.totalTimeout().toMillis(), e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return refused(Reason.UNREACHABLE, shown, "unknown host " + url.host(), -1, e);
        }
        return refused(Reason.UNREACHABLE, shown, url.host() + ": " + e, -1, e);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }

    private static LinkRefusedException refused(Reason reason, String shown, String detail, long limit, Throwable cause) {
        return new LinkRefusedException(reason, shown, detail, limit, cause);
    }

    /** The host as the user sees it in their link; the scheme for links without one (file:, data:). */
    static String shownHost(URI link) {
        return link.getHost() != null ? link.getHost().toLowerCase(Locale.ROOT) : String.valueOf(link.getScheme());
    }

    /** A name that resolved to an address the rules do not allow; an UnknownHostException so OkHttp's Dns may throw it. */
    static final class NonPublicAddressException extends UnknownHostException {
        NonPublicAddressException(String host, InetAddress address) {
            super(host + " resolves to " + address.getHostAddress() + ", which is not a public address");
        }
    }
}
