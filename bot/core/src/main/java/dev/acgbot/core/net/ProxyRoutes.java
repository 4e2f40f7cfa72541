package dev.acgbot.core.net;

import dev.acgbot.core.config.ServiceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which proxy the bot's HTTP clients use: {@code network.proxy}, else the standard variables
 * ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code ALL_PROXY}, lower case too), with {@code network.no_proxy} /
 * {@code NO_PROXY} host suffixes going direct. Installed as the JVM's default {@link ProxySelector}, which
 * OkHttp (Telegram, Discord REST) and the Discord gateway socket read, so one setting covers every client.
 */
public final class ProxyRoutes extends ProxySelector {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyRoutes.class);

    /** A proxy and where it came from, for the log line. */
    public record Route(URI uri, String source) {
        public Proxy proxy() {
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            Proxy.Type type = scheme.startsWith("socks") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
            return new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()));
        }

        /** {@code user:password} from the URL, if any. */
        public Optional<PasswordAuthentication> credentials() {
            String info = uri.getRawUserInfo();
            if (info == null || info.isEmpty()) {
                return Optional.empty();
            }
            int colon = info.indexOf(':');
            String user = decode(colon < 0 ? info : info.substring(0, colon));
            String password = colon < 0 ? "" : decode(info.substring(colon + 1));
            return Optional.of(new PasswordAuthentication(user, password.toCharArray()));
        }

        /** The URL without its credentials, safe to log. */
        public String display() {
            return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        }

        private static String decode(String s) {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Optional<Route> route;
    private final List<String> noProxy;

    public ProxyRoutes(Optional<Route> route, List<String> noProxy) {
        this.route = route;
        this.noProxy = noProxy;
    }

    /** From the settings, falling back to the environment's variables. */
    public static ProxyRoutes from(ServiceSettings.Network network, Map<String, String> env) {
        Optional<Route> route = network.proxyUri().map(uri -> new Route(uri, "network.proxy"));
        if (route.isEmpty()) {
            for (String variable : List.of("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy")) {
                String value = env.get(variable);
                if (value != null && !value.isBlank()) {
                    String v = value.strip();
                    route = Optional.of(new Route(URI.create(v.contains("://") ? v : "http://" + v), variable));
                    break;
                }
            }
        }
        String hosts = !network.noProxy().isEmpty() ? network.noProxy()
                : Optional.ofNullable(env.get("NO_PROXY")).or(() -> Optional.ofNullable(env.get("no_proxy"))).orElse("");
        List<String> noProxy = Arrays.stream(hosts.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        return new ProxyRoutes(route, noProxy);
    }

    /** Makes this the JVM-wide default, with the proxy's credentials answering proxy authentication requests. */
    public void install() {
        ProxySelector.setDefault(this);
        route.ifPresent(r -> {
            LOG.info("network: chat platforms are reached through {} (from {}){}", r.display(), r.source(),
                    noProxy.isEmpty() ? "" : ", except " + noProxy);
            r.credentials().ifPresent(credentials -> Authenticator.setDefault(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return getRequestorType() == RequestorType.PROXY ? credentials : null;
                }
            }));
        });
    }

    public Optional<Route> route() {
        return route;
    }

    /** Only HTTP clients are routed: plain sockets (the JDK asks with {@code socket://}) keep connecting directly. */
    private static final java.util.Set<String> ROUTED_SCHEMES = java.util.Set.of("http", "https", "ws", "wss");

    @Override
    public List<Proxy> select(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (route.isEmpty() || !ROUTED_SCHEMES.contains(scheme) || uri.getHost() == null || bypass(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(route.get().proxy());
    }

    /** Whether {@code host} goes direct: {@code *} or a matching suffix ({@code example.com}, {@code .example.com}). */
    public boolean bypass(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            String suffix = entry.startsWith("*.") ? entry.substring(1) : entry;
            if (suffix.equals("*") || h.equals(suffix.startsWith(".") ? suffix.substring(1) : suffix)
                    || h.endsWith(suffix.startsWith(".") ? suffix : "." + suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        LOG.warn("network: proxy {} failed for {}: {}", route.map(Route::display).orElse("-"), uri.getHost(), failure.toString());
    }
}
