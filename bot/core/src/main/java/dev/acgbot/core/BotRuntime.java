package dev.acgbot.core;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotMetrics;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.plugin.Services;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.config.ExecutorSettings;
import dev.acgbot.core.config.LimitsSettings;
import dev.acgbot.core.config.ServiceSettings;
import dev.acgbot.core.metrics.CommandMeters;
import dev.acgbot.core.metrics.LastError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.acgbot.core.exec.CommandExecutor;
import dev.acgbot.core.i18n.ChatLanguages;
import dev.acgbot.core.limits.RateLimiter;
import dev.acgbot.core.permissions.Permissions;
import dev.acgbot.core.plugins.CorePlugin;
import dev.acgbot.core.plugins.PluginManager;
import dev.acgbot.core.plugins.PluginSource;
import dev.acgbot.core.plugins.PluginState;
import dev.acgbot.core.plugins.ServiceRegistry;
import dev.acgbot.core.router.CommandRegistry;
import dev.acgbot.core.router.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running bot: plugins started, commands registered, the router taking messages from every adapter.
 * One adapter failing to start is reported and leaves the others running; one whose platform is unreachable
 * is retried ({@code network.start_retry_*}). Closing stops adapters first (no new work), gives running
 * commands {@link #SHUTDOWN_GRACE} to finish, then stops plugins (which cancel long jobs such as a reindex),
 * interrupts what is left, and closes the shared services (the gallery store among them).
 */
public final class BotRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);
    /** Fits in docker stop's default 10 s together with the adapters' own shutdown. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final BotConfig config;
    private final ServiceRegistry services;
    private final PluginManager plugins;
    private final CommandRegistry registry;
    private final CommandExecutor executor;
    private final Router router;
    private final MeterRegistry meterRegistry;
    private final LastError lastError;
    private final AdapterSupervisor supervisor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BotRuntime(BotConfig config, ServiceRegistry services, PluginManager plugins, CommandRegistry registry,
                       CommandExecutor executor, Router router, MeterRegistry meterRegistry, LastError lastError) {
        this.config = config;
        this.services = services;
        this.plugins = plugins;
        this.registry = registry;
        this.executor = executor;
        this.router = router;
        this.meterRegistry = meterRegistry;
        this.lastError = lastError;
        ServiceSettings.Network network = ServiceSettings.network(config);
        this.supervisor = new AdapterSupervisor(router, registry::specs, network.startRetryInitial(), network.startRetryMax(),
                lastError::record);
    }

    /** Starts with the given plugins (the built-in core plugin is always added first). */
    public static BotRuntime start(BotConfig config, List<Plugin> plugins, List<ChatAdapter> adapters) {
        List<PluginSource> sources = plugins.stream().map(p -> new PluginSource(p, Optional.empty())).toList();
        return startWithSources(config, sources, adapters, new ServiceRegistry());
    }

    /**
     * Starts with discovered plugin sources and a service registry the caller may have pre-filled; a
     * {@link MeterRegistry} found there (the app's Prometheus one) receives every figure, else one is made.
     */
    public static BotRuntime startWithSources(BotConfig config, List<PluginSource> sources, List<ChatAdapter> adapters,
                                              ServiceRegistry services) {
        CommandRegistry registry = new CommandRegistry();
        PluginManager manager = new PluginManager(config, services, version());
        List<PluginSource> all = new ArrayList<>();
        ChatLanguages languages = ChatLanguages.persistent(config.bot().defaultLanguage(), config.dataDir());
        all.add(new PluginSource(new CorePlugin(registry, config.botName(), languages), Optional.empty()));
        all.addAll(sources);
        manager.load(all);

        ExecutorSettings exec = config.executor();
        CommandExecutor executor = new CommandExecutor(exec.workers(), exec.queue(), exec.queueTimeout());
        MeterRegistry meterRegistry = services.getOrCreate(MeterRegistry.class, SimpleMeterRegistry::new);
        LastError lastError = new LastError();
        CommandMeters meters = new CommandMeters(meterRegistry, executor, lastError);
        LimitsSettings limits = config.limits();
        Router router = new Router(registry, Permissions.fromConfig(config.admins()),
                new RateLimiter(limits.perUser().capacity(), limits.perUser().refillPerMinute()),
                new RateLimiter(limits.perChat().capacity(), limits.perChat().refillPerMinute()),
                limits.exemptAdmins(), executor, exec.commandTimeout(), exec.maxAttachmentBytes().bytes(), meters, languages);
        services.register(BotMetrics.class, meters);
        BotRuntime runtime = new BotRuntime(config, services, manager, registry, executor, router, meterRegistry, lastError);
        try {
            manager.startAll(registry);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        for (ChatAdapter adapter : adapters) {
            runtime.startAdapter(adapter);
        }
        return runtime;
    }

    /**
     * Starts one more adapter; a failure is logged and recorded, never thrown, and an unreachable platform is
     * tried again in the background.
     *
     * @return whether it runs now
     */
    public boolean startAdapter(ChatAdapter adapter) {
        return supervisor.start(adapter).running();
    }

    public static String version() {
        String v = BotRuntime.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public InboundSink sink() {
        return router;
    }

    public BotMetrics metrics() {
        return router.metrics();
    }

    public List<CommandSpec> commands() {
        return registry.specs();
    }

    public List<PluginState> pluginStates() {
        return plugins.states();
    }

    public List<AdapterState> adapterStates() {
        return supervisor.states();
    }

    /** The registry every figure goes to (/metrics, /stats). */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** The most recent failure an operator should see (/healthz). */
    public java.util.Optional<LastError.Entry> lastError() {
        return lastError.get();
    }

    public Services services() {
        return services;
    }

    public BotConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        supervisor.close();
        if (!executor.drain(SHUTDOWN_GRACE)) {
            LOG.info("{} command(s) still running after {} s; cancelling them", executor.running(), SHUTDOWN_GRACE.toSeconds());
        }
        plugins.close();
        executor.close();
        router.close();
        services.close();
        LOG.info("acgbot stopped");
    }
}
