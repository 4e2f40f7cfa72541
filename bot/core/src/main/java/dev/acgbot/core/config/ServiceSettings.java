package dev.acgbot.core.config;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.ConfigSection;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of running acgbot as a service: the {@code health:} endpoint and the {@code network:} section
 * (proxy, start-up retries). All their keys are read and checked here, in one place.
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
    public record Network(Optional<URI> proxy, String noProxy, Duration startRetryInitial, Duration startRetryMax) {
    }

    private ServiceSettings() {
    }

    public static Health health(BotConfig config) {
        ConfigSection s = config.section("health");
        requireKnown(s, "enabled", "bind", "port");
        int port = s.integer("port", 9464);
        if (port < 0 || port > 65535) {
            throw new ConfigException("health.port", "must be between 0 and 65535");
        }
        String bind = s.string("bind", "127.0.0.1").strip();
        if (bind.isEmpty()) {
            throw new ConfigException("health.bind", "must not be empty (127.0.0.1, or 0.0.0.0 for every interface)");
        }
        return new Health(s.bool("enabled", false), bind, port);
    }

    public static Network network(BotConfig config) {
        ConfigSection s = config.section("network");
        requireKnown(s, "proxy", "no_proxy", "start_retry_initial", "start_retry_max");
        Optional<URI> proxy = s.string("proxy").map(String::strip).filter(p -> !p.isEmpty()).map(ServiceSettings::proxyUri);
        Duration initial = s.duration("start_retry_initial", Duration.ofSeconds(2));
        Duration max = s.duration("start_retry_max", Duration.ofMinutes(2));
        if (initial.isNegative() || initial.isZero()) {
            throw new ConfigException("network.start_retry_initial", "must be longer than zero");
        }
        if (max.compareTo(initial) < 0) {
            throw new ConfigException("network.start_retry_max", "must be at least network.start_retry_initial");
        }
        return new Network(proxy, s.string("no_proxy", "").strip(), initial, max);
    }

    /** Checks both sections; BotConfig calls this so that a mistake is reported at start like any other. */
    static void validate(BotConfig config) {
        health(config);
        network(config);
    }

    private static URI proxyUri(String value) {
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("network.proxy", "not a URL: expected http://host:port or socks5://host:port");
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!Set.of("http", "https", "socks", "socks5", "socks5h").contains(scheme) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new ConfigException("network.proxy", "expected http://host:port or socks5://host:port");
        }
        return uri;
    }

    private static void requireKnown(ConfigSection section, String... known) {
        Set<String> allowed = Set.of(known);
        for (String key : section.keys()) {
            if (!allowed.contains(key)) {
                throw new ConfigException(section.path() + "." + key, "unknown key; known keys here are " + new TreeSet<>(allowed));
            }
        }
    }
}
