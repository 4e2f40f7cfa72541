package dev.acgbot.models.fetch;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How downloads reach the hub: a mirror ({@code HF_ENDPOINT}, as {@code huggingface_hub} reads it), a token
 * ({@code HF_TOKEN}) and the standard proxy variables. Each is also a key under {@code models.download} in the
 * configuration; as everywhere in acgbot, the environment overrides the file.
 *
 * @param hubEndpoint replaces {@code https://huggingface.co} at the start of every manifest URL
 * @param hubToken    sent as a bearer token to the hub host only, never across a redirect to another host
 * @param httpsProxy  proxy for https URLs
 * @param httpProxy   proxy for http URLs
 * @param allProxy    proxy for both when the specific one is not set
 * @param noProxy     hosts (and their subdomains) reached directly; {@code *} means every host
 */
public record DownloadSettings(Optional<String> hubEndpoint, Optional<String> hubToken, Optional<URI> httpsProxy,
                               Optional<URI> httpProxy, Optional<URI> allProxy, List<String> noProxy) {

    public static final String DEFAULT_HUB = "https://huggingface.co";

    /** Configuration keys under {@code models.download}, and the environment variables that override them. */
    public static final Map<String, List<String>> KEYS = Map.of(
            "hf_endpoint", List.of("HF_ENDPOINT"),
            "hf_token", List.of("HF_TOKEN"),
            "https_proxy", List.of("HTTPS_PROXY", "https_proxy"),
            "http_proxy", List.of("HTTP_PROXY", "http_proxy"),
            "all_proxy", List.of("ALL_PROXY", "all_proxy"),
            "no_proxy", List.of("NO_PROXY", "no_proxy"));

    public DownloadSettings {
        noProxy = List.copyOf(noProxy);
    }

    /** Direct to huggingface.co, no token, no proxy. */
    public static DownloadSettings none() {
        return new DownloadSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    /**
     * @param config the {@code models.download} keys present in the configuration (see {@link #KEYS})
     * @param env    the process environment
     * @throws IllegalArgumentException naming the key or variable whose value is unusable
     */
    public static DownloadSettings resolve(Map<String, String> config, Map<String, String> env) {
        return new DownloadSettings(
                pick("hf_endpoint", config, env).map(e -> endpoint(e, origin("hf_endpoint", env))),
                pick("hf_token", config, env),
                pick("https_proxy", config, env).map(v -> proxy(v, origin("https_proxy", env))),
                pick("http_proxy", config, env).map(v -> proxy(v, origin("http_proxy", env))),
                pick("all_proxy", config, env).map(v -> proxy(v, origin("all_proxy", env))),
                pick("no_proxy", config, env).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                        .filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).toList()).orElse(List.of()));
    }

    /** The URL to request: a manifest URL on huggingface.co moved to the mirror when one is set. */
    public String rewrite(String url) {
        if (hubEndpoint.isPresent() && (url.equals(DEFAULT_HUB) || url.startsWith(DEFAULT_HUB + "/"))) {
            return hubEndpoint.get() + url.substring(DEFAULT_HUB.length());
        }
        return url;
    }

    /** The host the token belongs to: the mirror's, else huggingface.co. */
    public String hubHost() {
        return URI.create(hubEndpoint.orElse(DEFAULT_HUB)).getHost();
    }

    /** The proxy for a URL, or empty to connect directly. */
    public Optional<URI> proxyFor(URI target) {
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        for (String rule : noProxy) {
            String bare = rule.startsWith(".") ? rule.substring(1) : rule.replaceFirst(":\\d+$", "");
            if (rule.equals("*") || host.equals(bare) || host.endsWith("." + bare)) {
                return Optional.empty();
            }
        }
        Optional<URI> specific = "https".equalsIgnoreCase(target.getScheme()) ? httpsProxy : httpProxy;
        return specific.or(() -> allProxy);
    }

    /** One line for the console: where downloads go, without the token. */
    public String describe() {
        StringBuilder sb = new StringBuilder("downloads from ").append(hubEndpoint.orElse(DEFAULT_HUB));
        if (hubEndpoint.isPresent()) {
            sb.append(" (mirror)");
        }
        sb.append(hubToken.isPresent() ? ", with HF_TOKEN" : "");
        httpsProxy.or(() -> allProxy).ifPresent(p -> sb.append(", via proxy ").append(p.getHost()).append(':').append(p.getPort()));
        return sb.toString();
    }

    private static Optional<String> pick(String key, Map<String, String> config, Map<String, String> env) {
        for (String var : KEYS.get(key)) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.ofNullable(config.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String origin(String key, Map<String, String> env) {
        for (String var : KEYS.get(key)) {
            if (env.get(var) != null && !env.get(var).isBlank()) {
                return var;
            }
        }
        return "models.download." + key;
    }

    private static String endpoint(String value, String origin) {
        URI uri = parse(value, origin);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(origin + ": expected an http(s) URL such as https://hf-mirror.com, got '" + value + "'");
        }
        return value.replaceAll("/+$", "");
    }

    private static URI proxy(String value, String origin) {
        URI uri = parse(value.contains("://") ? value : "http://" + value, origin);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.startsWith("socks")) {
            throw new IllegalArgumentException(origin + ": SOCKS proxies are not supported by acgbot's downloader;"
                    + " give an HTTP proxy (http://host:port), or fetch elsewhere and place the files by hand");
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(origin + ": expected http://host:port, got '" + value + "'");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(origin + ": proxy user names and passwords are not supported;"
                    + " use a proxy that admits this machine, or fetch elsewhere and place the files by hand");
        }
        return uri;
    }

    private static URI parse(String value, String origin) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": not a URL"); // the value may hold a password: not echoed
        }
    }
}
