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
import dev.acgbot.core.exec.CommandExecutor;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running bot: plugins started, commands registered, the router taking messages from every adapter.
 * One adapter failing to start is reported and leaves the others running. Closing stops adapters first
 * (no new work), then the executor, plugins and shared services.
 */
public final class BotRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

    private final BotConfig config;
    private final ServiceRegistry services;
    private final PluginManager plugins;
    private final CommandRegistry registry;
    private final CommandExecutor executor;
    private final Router router;
    private final List<ChatAdapter> adapters = new CopyOnWriteArrayList<>();
    private final List<AdapterState> adapterStates = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private BotRuntime(BotConfig config, ServiceRegistry services, PluginManager plugins, CommandRegistry registry,
                       CommandExecutor executor, Router router) {
        this.config = config;
        this.services = services;
        this.plugins = plugins;
        this.registry = registry;
        this.executor = executor;
        this.router = router;
    }

    /** Starts with the given plugins (the built-in core plugin is always added first). */
    public static BotRuntime start(BotConfig config, List<Plugin> plugins, List<ChatAdapter> adapters) {
        List<PluginSource> sources = plugins.stream().map(p -> new PluginSource(p, Optional.empty())).toList();
        return startWithSources(config, sources, adapters, new ServiceRegistry());
    }

    /** Starts with discovered plugin sources and a service registry the caller may have pre-filled. */
    public static BotRuntime startWithSources(BotConfig config, List<PluginSource> sources, List<ChatAdapter> adapters,
                                              ServiceRegistry services) {
        CommandRegistry registry = new CommandRegistry();
        PluginManager manager = new PluginManager(config, services, version());
        List<PluginSource> all = new ArrayList<>();
        all.add(new PluginSource(new CorePlugin(registry, config.botName()), Optional.empty()));
        all.addAll(sources);
        manager.load(all);

        ExecutorSettings exec = config.executor();
        CommandExecutor executor = new CommandExecutor(exec.workers(), exec.queue(), exec.queueTimeout());
        LimitsSettings limits = config.limits();
        Router router = new Router(registry, Permissions.fromConfig(config.admins()),
                new RateLimiter(limits.perUser().capacity(), limits.perUser().refillPerMinute()),
                new RateLimiter(limits.perChat().capacity(), limits.perChat().refillPerMinute()),
                limits.exemptAdmins(), executor, exec.commandTimeout(), exec.maxAttachmentBytes().bytes());
        services.register(BotMetrics.class, router);
        BotRuntime runtime = new BotRuntime(config, services, manager, registry, executor, router);
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

    /** Starts one more adapter; a failure is logged and recorded, never thrown. */
    public boolean startAdapter(ChatAdapter adapter) {
        try {
            adapter.start(router, registry.specs());
            adapters.add(adapter);
            adapterStates.add(new AdapterState(adapter.platform(), true, ""));
            LOG.info("{} adapter started", adapter.platform());
            return true;
        } catch (Exception e) {
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            adapterStates.add(new AdapterState(adapter.platform(), false, problem));
            LOG.error("{} adapter did not start: {} — the other adapters keep running", adapter.platform(), problem);
            try {
                adapter.close();
            } catch (RuntimeException closeFailure) {
                LOG.debug("closing the failed {} adapter: {}", adapter.platform(), closeFailure.toString());
            }
            return false;
        }
    }

    public static String version() {
        String v = BotRuntime.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public InboundSink sink() {
        return router;
    }

    public BotMetrics metrics() {
        return router;
    }

    public List<CommandSpec> commands() {
        return registry.specs();
    }

    public List<PluginState> pluginStates() {
        return plugins.states();
    }

    public List<AdapterState> adapterStates() {
        return List.copyOf(adapterStates);
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
        for (ChatAdapter adapter : adapters) {
            try {
                adapter.close();
            } catch (RuntimeException e) {
                LOG.warn("{} adapter did not close cleanly: {}", adapter.platform(), e.toString());
            }
        }
        executor.close();
        router.close();
        plugins.close();
        services.close();
        LOG.info("acgbot stopped");
    }
}
