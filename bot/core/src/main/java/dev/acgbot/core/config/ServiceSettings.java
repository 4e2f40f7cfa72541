package dev.acgbot.core.config;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of running acgbot as a service: the {@code health:} endpoint and the {@code network:} section
 * (proxy, start-up retries), each a typed core section like the others.
 */
public final class ServiceSettings {

    /**
     * {@code health:} an optional HTTP endpoint with /healthz and /metrics.
     *
     * @param enabled off by default: an open port is the operator's choice
     * @param bind    address to listen on; 127.0.0.1 keeps it local (a container publishes it on purpose)
     * @param port    TCP port; 0 picks a free one (tests)
     */
    public record Health(boolean enabled, String bind, int port) {
        public static final Health DEFAULTS = new Health(false, "127.0.0.1", 9464);
        public static final SettingsSection<Health> SECTION = new SettingsSection<>("health", Health.class, DEFAULTS);

        public Health {
            if (port < 0 || port > 65535) {
                throw new ConfigException("port", "must be between 0 and 65535");
            }
            bind = bind == null ? "" : bind.strip();
            if (bind.isEmpty()) {
                throw new ConfigException("bind", "must not be empty (127.0.0.1, or 0.0.0.0 for every interface)");
            }
        }
    }

    /**
     * {@code network:} how the chat adapters reach their platforms.
     *
     * @param proxy             {@code http://[user:pass@]host:port} or {@code socks5://host:port}; empty: the
     *                          standard variables HTTPS_PROXY / ALL_PROXY decide, else no proxy
     * @param noProxy           host suffixes reached directly, comma-separated; empty: NO_PROXY decides
     * @param startRetryInitial first wait after a network failure at start
     * @param startRetryMax     the backoff doubles up to this
     */
    public record Network(String proxy, String noProxy, Duration startRetryInitial, Duration startRetryMax) {
        public static final Network DEFAULTS = new Network("", "", Duration.ofSeconds(2), Duration.ofMinutes(2));
        public static final SettingsSection<Network> SECTION = new SettingsSection<>("network", Network.class, DEFAULTS);

        public Network {
            proxy = proxy == null ? "" : proxy.strip();
            noProxy = noProxy == null ? "" : noProxy.strip();
            if (!proxy.isEmpty()) {
                parseProxy(proxy);
            }
            if (startRetryInitial == null || startRetryInitial.isNegative() || startRetryInitial.isZero()) {
                throw new ConfigException("start_retry_initial", "must be longer than zero");
            }
            if (startRetryMax == null || startRetryMax.compareTo(startRetryInitial) < 0) {
                throw new ConfigException("start_retry_max", "must be at least network.start_retry_initial");
            }
        }

        /** The configured proxy, if any. */
        public Optional<URI> proxyUri() {
            return proxy.isEmpty() ? Optional.empty() : Optional.of(parseProxy(proxy));
        }
    }

    private ServiceSettings() {
    }

    public static Health health(BotConfig config) {
        return config.section(Health.SECTION);
    }

    public static Network network(BotConfig config) {
        return config.section(Network.SECTION);
    }

    private static URI parseProxy(String value) {
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("proxy", "not a URL: expected http://host:port or socks5://host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https", "socks", "socks5", "socks5h").contains(scheme) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new ConfigException("proxy", "expected http://host:port or socks5://host:port");
        }
        return uri;
    }
}
