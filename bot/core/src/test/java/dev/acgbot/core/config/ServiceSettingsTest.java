package dev.acgbot.core.config;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.core.net.ProxyRoutes;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceSettingsTest {

    @Test
    void defaultsKeepTheEndpointOffAndLocal() {
        BotConfig config = BotConfig.parse("{}");
        assertEquals(new ServiceSettings.Health(false, "127.0.0.1", 9464), ServiceSettings.health(config));
        assertEquals(new ServiceSettings.Network("", "", Duration.ofSeconds(2), Duration.ofMinutes(2)),
                ServiceSettings.network(config));
    }

    @Test
    void theExampleConfigurationDocumentsTheDefaults() {
        BotConfig example = BotConfig.load(java.nio.file.Path.of("../../config/acgbot.example.yaml"));
        BotConfig defaults = BotConfig.parse("{}");
        assertEquals(ServiceSettings.health(defaults), ServiceSettings.health(example));
        assertEquals(ServiceSettings.network(defaults), ServiceSettings.network(example));
    }

    @Test
    void anUnknownKeyInEitherSectionIsNamed() {
        ConfigException health = assertThrows(ConfigException.class, () -> BotConfig.parse("health:\n  prot: 1\n"));
        assertEquals("health.prot", health.key());
        ConfigException network = assertThrows(ConfigException.class, () -> BotConfig.parse("network:\n  proxi: x\n"));
        assertEquals("network.proxi", network.key());
    }

    @Test
    void aProxyNeedsASchemeWeSpeakAndAPort() {
        assertEquals("network.proxy", assertThrows(ConfigException.class,
                () -> BotConfig.parse("network:\n  proxy: ftp://h:1\n")).key());
        assertEquals("network.proxy", assertThrows(ConfigException.class,
                () -> BotConfig.parse("network:\n  proxy: http://h\n")).key());
        assertEquals(Optional.of(URI.create("socks5://10.0.0.1:1080")),
                ServiceSettings.network(BotConfig.parse("network:\n  proxy: socks5://10.0.0.1:1080\n")).proxyUri());
    }

    @Test
    void theConfiguredProxyWinsOverTheEnvironmentAndNoProxyHostsGoDirect() {
        ServiceSettings.Network network = ServiceSettings.network(BotConfig.parse(
                "network:\n  proxy: http://user:p%40ss@proxy.lan:3128\n  no_proxy: internal.example, .lan\n"));
        ProxyRoutes routes = ProxyRoutes.from(network, Map.of("HTTPS_PROXY", "http://other:9"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.lan", 3128))),
                routes.select(URI.create("https://api.telegram.org/")));
        assertEquals(List.of(Proxy.NO_PROXY), routes.select(URI.create("https://bot.internal.example/")));
        assertEquals(List.of(Proxy.NO_PROXY), routes.select(URI.create("http://cache.lan/")));
        assertEquals("p@ss", new String(routes.route().orElseThrow().credentials().orElseThrow().getPassword()));
        assertEquals("http://proxy.lan:3128", routes.route().orElseThrow().display());
    }

    @Test
    void theStandardVariablesApplyWhenNothingIsConfigured() {
        ServiceSettings.Network none = ServiceSettings.network(BotConfig.parse("{}"));
        ProxyRoutes socks = ProxyRoutes.from(none, Map.of("ALL_PROXY", "socks5://127.0.0.1:1080", "NO_PROXY", "discord.com"));
        assertEquals(List.of(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("127.0.0.1", 1080))),
                socks.select(URI.create("https://api.telegram.org/")));
        assertEquals(List.of(Proxy.NO_PROXY), socks.select(URI.create("https://discord.com/api")));
        assertEquals(List.of(Proxy.NO_PROXY), socks.select(URI.create("socket://api.telegram.org:443")),
                "plain sockets (the JDK asks for every one) are not routed");
        assertEquals(List.of(Proxy.NO_PROXY), ProxyRoutes.from(none, Map.of()).select(URI.create("https://api.telegram.org/")));
    }
}
