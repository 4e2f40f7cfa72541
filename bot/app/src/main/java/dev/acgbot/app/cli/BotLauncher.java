package dev.acgbot.app.cli;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.app.service.BotService;
import dev.acgbot.app.service.ControlSocket;
import dev.acgbot.app.service.HealthServer;
import dev.acgbot.core.AdapterSelection;
import dev.acgbot.core.AdapterState;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.config.ServiceSettings;
import dev.acgbot.core.console.ConsoleAdapter;
import dev.acgbot.core.net.ProxyRoutes;
import dev.acgbot.core.plugins.PluginDiscovery;
import dev.acgbot.core.plugins.PluginSource;
import dev.acgbot.core.plugins.ServiceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the bot with its plugins and adapters and keeps it running until input ends or a signal stops it.
 * Exit codes: 0 stopped normally (end of console input, SIGTERM, Ctrl-C); 1 no adapter could start;
 * 2 the operator must act (no adapter configured and no terminal, a refused token, a configuration error).
 */
public final class BotLauncher {
    static final String NO_ADAPTER = "no chat adapter is configured and stdin is not a terminal for the console:"
            + " set TELEGRAM_BOT_TOKEN or DISCORD_TOKEN (or adapters.<platform>.token), or run 'acgbot console' to read commands from stdin";

    private BotLauncher() {
    }

    /**
     * @param consoleOnly run the console adapter alone, whatever the config says about chat adapters
     * @return the process exit code
     */
    public static int run(BotConfig config, boolean consoleOnly) throws InterruptedException {
        Logger log = LoggerFactory.getLogger(BotLauncher.class);
        ServiceSettings.Health health = ServiceSettings.health(config);
        ProxyRoutes.from(ServiceSettings.network(config), System.getenv()).install();

        ClassLoader loader = BotLauncher.class.getClassLoader();
        AdapterSelection.validate(config, loader);
        AdapterSelection.Choice choice = consoleOnly
                ? new AdapterSelection.Choice(List.of(), true)
                : AdapterSelection.choose(config, loader);
        boolean terminal = isTerminal();
        if (!consoleOnly && choice.chatAdapters().isEmpty() && !terminal && consoleIsAuto(config)) {
            // under systemd or `docker run` without -t a console would read nothing and exit 0 at once
            System.err.println("acgbot: " + NO_ADAPTER);
            return 2;
        }
        PluginDiscovery discovery = new PluginDiscovery();
        List<PluginSource> sources = new ArrayList<>(discovery.fromClassPath(loader));
        sources.addAll(discovery.fromDirectory(config.pluginsDir(), loader));

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        ServiceRegistry services = new ServiceRegistry();
        services.register(MeterRegistry.class, metrics);
        BotRuntime runtime = BotRuntime.startWithSources(config, sources, List.of(), services);
        BotService service = new BotService(runtime);
        Resources resources = new Resources(runtime, discovery);
        try {
            resources.control = ControlSocket.start(config.dataDir(), service::handle);
        } catch (IllegalStateException e) {
            resources.stop();
            throw new CliException(2, e.getMessage());
        } catch (IOException e) {
            // e.g. a data directory path longer than a Unix socket allows (~100 bytes): the bot runs without it
            log.warn("no control socket in {} ({}): 'acgbot gallery backup' cannot reach this bot", config.dataDir(), e.toString());
        }
        try {
            if (health.enabled()) {
                resources.health = HealthServer.start(health, service::health, metrics);
            }
        } catch (IOException e) {
            resources.stop();
            throw new CliException(2, "cannot listen on " + health.bind() + ":" + health.port() + " (health.bind, health.port): " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            resources.stop();
            stopped.countDown();
        }, "acgbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        onSigterm(() -> {
            log.info("SIGTERM: stopping (commands get {} s to finish)", BotRuntime.SHUTDOWN_GRACE.toSeconds());
            resources.stop();
            stopped.countDown();
            System.exit(0);
        });

        for (ChatAdapter adapter : choice.chatAdapters()) {
            runtime.startAdapter(adapter);
        }
        List<AdapterState> states = runtime.adapterStates();
        List<AdapterState> refused = states.stream().filter(s -> s.status() == AdapterState.Status.TOKEN_REFUSED).toList();
        if (!refused.isEmpty()) {
            refused.forEach(s -> System.err.println("acgbot: " + s.problem()));
            return stopNow(hook, resources, 2);
        }
        if (choice.console()) {
            ConsoleAdapter console = new ConsoleAdapter(System.in, System.out, terminal, Path.of("").toAbsolutePath(),
                    config.dataDir().resolve("console-out"));
            if (runtime.startAdapter(console)) {
                console.awaitEnd();
                return stopNow(hook, resources, 0);
            }
        }
        if (states.stream().noneMatch(s -> s.running() || s.status() == AdapterState.Status.RETRYING)) {
            log.error("no adapter is running; check the adapters section of the configuration");
            System.err.println("acgbot: no chat adapter could start: "
                    + states.stream().map(s -> s.platform() + " (" + s.problem() + ")").toList());
            return stopNow(hook, resources, 1);
        }
        log.info("{} {} running on {}{}; stop with Ctrl-C or SIGTERM", config.botName(), BotRuntime.version(),
                states.stream().filter(AdapterState::running).map(AdapterState::platform).toList(),
                states.stream().anyMatch(s -> s.status() == AdapterState.Status.RETRYING)
                        ? ", still connecting " + states.stream().filter(s -> s.status() == AdapterState.Status.RETRYING)
                        .map(AdapterState::platform).toList() : "");
        stopped.await();
        return 0;
    }

    private static int stopNow(Thread hook, Resources resources, int exitCode) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // SIGTERM arrived meanwhile: the stop below waits for the one under way
        }
        resources.stop();
        return exitCode;
    }

    /** What a stop closes, once, in order: endpoints first, then the bot (adapters, commands, plugins, store). */
    private static final class Resources {
        private final BotRuntime runtime;
        private final PluginDiscovery discovery;
        private boolean stopped;
        ControlSocket control;
        HealthServer health;

        Resources(BotRuntime runtime, PluginDiscovery discovery) {
            this.runtime = runtime;
            this.discovery = discovery;
        }

        /** Synchronized: a second caller (the shutdown hook, the main thread) waits until the first stop is done. */
        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            if (health != null) {
                health.close();
            }
            if (control != null) {
                control.close();
            }
            runtime.close();
            discovery.closeLoaders();
        }
    }

    /**
     * SIGTERM (systemd stop, docker stop) is a normal stop: exit 0 after a clean shutdown, not the JVM's 143.
     * sun.misc.Signal is the only JDK hook for it; where it is missing the shutdown hook still stops cleanly.
     */
    @SuppressWarnings("sunapi")
    private static void onSigterm(Runnable stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> Thread.ofPlatform().name("acgbot-sigterm").start(stop));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(BotLauncher.class).debug("no SIGTERM handler: {}", e.toString());
        }
    }

    private static boolean consoleIsAuto(BotConfig config) {
        return config.console().enabled().equals("auto");
    }

    /** Java 22+ returns a Console even when stdin is a pipe; ask it whether it is a terminal when it can tell. */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
