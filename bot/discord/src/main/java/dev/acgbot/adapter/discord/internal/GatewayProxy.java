package dev.acgbot.adapter.discord.internal;

import com.neovisionaries.ws.client.ProxySettings;
import com.neovisionaries.ws.client.WebSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;

/**
 * The gateway WebSocket (nv-websocket-client) does not read the JVM's proxy selector as OkHttp does, so the
 * proxy chosen for the gateway's URL is copied into its factory. It speaks HTTP CONNECT proxies only.
 */
public final class GatewayProxy {
    public static final String DISCORD_GATEWAY = "wss://gateway.discord.gg/";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayProxy.class);

    private GatewayProxy() {
    }

    public static WebSocketFactory websocketFactory(String gatewayUrl) {
        WebSocketFactory factory = new WebSocketFactory();
        URI uri = URI.create(gatewayUrl);
        // the selector is asked with the http(s) form: no_proxy rules and JDK selectors know those schemes
        URI asked = URI.create(("wss".equals(uri.getScheme()) ? "https" : "http") + "://" + uri.getHost()
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/");
        ProxySelector selector = ProxySelector.getDefault();
        List<Proxy> proxies = selector == null ? List.of() : selector.select(asked);
        Proxy proxy = proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
        if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
            ProxySettings settings = factory.getProxySettings().setHost(address.getHostString()).setPort(address.getPort());
            PasswordAuthentication credentials = Authenticator.requestPasswordAuthentication(address.getHostString(), null,
                    address.getPort(), "http", "proxy", "http", null, Authenticator.RequestorType.PROXY);
            if (credentials != null) {
                settings.setCredentials(credentials.getUserName(), new String(credentials.getPassword()));
            }
        } else if (proxy.type() == Proxy.Type.SOCKS) {
            LOG.warn("Discord: the gateway WebSocket cannot use a SOCKS proxy; it connects directly (use an HTTP proxy for Discord)");
        }
        return factory;
    }
}
