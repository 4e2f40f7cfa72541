package dev.acgbot.core.plugins;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.plugin.PluginContext;
import dev.acgbot.api.plugin.Services;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.router.CommandRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loads plugins in separate steps: {@link #load} (enable/disable by config, unique ids), then
 * {@link #startAll} (start each, register its commands), then {@link #close} (stop in reverse order).
 * A plugin that fails to start is disabled and reported; a configuration mistake is fatal, because the
 * operator has to fix it anyway and should hear about it at once.
 */
public final class PluginManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);

    private final BotConfig config;
    private final Services services;
    private final String botVersion;
    private final List<PluginSource> loaded = new ArrayList<>();
    private final List<Plugin> started = new CopyOnWriteArrayList<>();
    private final List<PluginState> states = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> declaredByPlugin = new HashMap<>();

    public PluginManager(BotConfig config, Services services, String botVersion) {
        this.config = config;
        this.services = services;
        this.botVersion = botVersion;
    }

    /**
     * Keeps the plugins that are enabled in config and whose id is valid and not taken. First binds every section
     * any plugin declares (enabled or not) and rejects keys under {@code plugins:} and at the top level that no
     * plugin declares, so a typo anywhere stops the bot before anything starts.
     */
    public void load(List<PluginSource> sources) {
        List<PluginSource> valid = validIds(sources);
        bindDeclaredSettings(valid);
        for (PluginSource source : valid) {
            String id = source.plugin().id();
            if (!config.pluginEnabled(id)) {
                states.add(new PluginState(id, source.describeOrigin(), PluginState.Status.DISABLED, "disabled in config"));
                LOG.info("plugin {} is disabled in config", id);
                continue;
            }
            loaded.add(source);
        }
    }

    private void bindDeclaredSettings(List<PluginSource> sources) {
        Map<String, String> owners = new HashMap<>();
        BotConfig.CORE_SECTIONS.forEach(s -> owners.put(s.topLevelKey(), "the core"));
        List<SettingsSection<?>> declared = new ArrayList<>();
        for (PluginSource source : sources) {
            String id = source.plugin().id();
            for (SettingsSection<?> section : source.plugin().settings()) {
                String key = section.key();
                boolean own = key.equals("plugins." + id);
                if (!own && (key.contains(".") || owners.containsKey(key) || key.equals("adapters") || key.equals("plugins"))) {
                    throw new IllegalStateException("plugin " + id + " declares the section " + key + ", which is not its own"
                            + (owners.containsKey(key) ? " (" + owners.get(key) + " has it)" : ""));
                }
                owners.put(key, "plugin " + id);
                declared.add(section);
            }
            declaredByPlugin.put(id, source.plugin().settings().stream().map(SettingsSection::key).toList());
            if (!declaredByPlugin.get(id).contains("plugins." + id)) {
                config.requireKnownChildren("plugins." + id, List.of("enabled"), "key (plugin " + id + " has no settings besides enabled)");
            }
        }
        rejectMovedSections(sources);
        config.requireKnownChildren("plugins", sources.stream().map(s -> s.plugin().id()).toList(), "plugin");
        config.requireKnownTopLevel(declared);
        declared.forEach(config::section);
    }

    /**
     * A section an older version read ({@code plugins.tag}) names where its keys are now, down to the first key
     * the file sets there: {@code plugins.tag.general_threshold: moved to plugins.vision.tag.general_threshold}.
     */
    private void rejectMovedSections(List<PluginSource> sources) {
        Map<String, String> moved = new HashMap<>();
        sources.forEach(s -> moved.putAll(s.plugin().movedSettings()));
        Set<String> ids = new HashSet<>(sources.stream().map(s -> s.plugin().id()).toList());
        for (String key : config.keysUnder("plugins")) {
            String former = "plugins." + key;
            String now = moved.get(former);
            if (now == null || ids.contains(key)) {
                continue;
            }
            String owner = now.split("\\.")[0] + "." + now.split("\\.")[1];
            for (String child : config.keysUnder(former)) {
                if (child.equals("enabled")) {
                    throw new ConfigException(former + ".enabled", "this section moved to " + now + ", which has no switch of its own;"
                            + " " + owner + ".enabled switches the whole plugin");
                }
                throw new ConfigException(former + "." + child, "moved to " + now + "." + child + " (all of " + former
                        + " is now under " + now + ")");
            }
            throw new ConfigException(former, "moved to " + now);
        }
    }

    private List<PluginSource> validIds(List<PluginSource> sources) {
        List<PluginSource> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PluginSource source : sources) {
            String id = source.plugin().id();
            if (id == null || !id.matches("[a-z][a-z0-9-]{0,40}")) {
                states.add(new PluginState(String.valueOf(id), source.describeOrigin(), PluginState.Status.FAILED,
                        "invalid plugin id (lower-case letters, digits and dashes)"));
                LOG.error("plugin {} from {} has an invalid id '{}'", source.plugin().getClass().getName(), source.describeOrigin(), id);
                continue;
            }
            if (!seen.add(id)) {
                states.add(new PluginState(id, source.describeOrigin(), PluginState.Status.FAILED, "another plugin has the same id"));
                LOG.error("plugin id '{}' from {} is already taken; skipped", id, source.describeOrigin());
                continue;
            }
            valid.add(source);
        }
        return valid;
    }

    /** Starts the loaded plugins in order and registers their commands. */
    public void startAll(CommandRegistry registry) {
        List<String> enabledIds = loaded.stream().map(s -> s.plugin().id()).toList();
        for (PluginSource source : loaded) {
            Plugin plugin = source.plugin();
            String id = plugin.id();
            try {
                plugin.start(context(id, enabledIds));
                List<BotCommand> commands = plugin.commands();
                List<String> refused = registry.register(id, commands == null ? List.of() : commands);
                for (String name : refused) {
                    LOG.warn("plugin {} also defines /{}, which another plugin already has; keeping the first", id, name);
                }
                plugin.inline().ifPresent(handler -> {
                    if (!registry.registerInline(id, handler)) {
                        LOG.warn("plugin {} also answers inline queries, which another plugin already does; keeping the first", id);
                    }
                });
                started.add(plugin);
                states.add(new PluginState(id, source.describeOrigin(), PluginState.Status.STARTED, ""));
                LOG.info("plugin {} started from {} with {} command(s)", id, source.describeOrigin(), commands == null ? 0 : commands.size());
            } catch (ConfigException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                states.add(new PluginState(id, source.describeOrigin(), PluginState.Status.FAILED, e.toString()));
                LOG.error("plugin {} failed to start and is disabled", id, e);
                stopQuietly(plugin);
            }
        }
    }

    private PluginContext context(String id, List<String> enabledIds) {
        List<String> declared = declaredByPlugin.getOrDefault(id, List.of());
        Path dataDir = config.dataDir();
        return new PluginContext() {
            @Override
            public <T> T settings(SettingsSection<T> section) {
                if (!declared.contains(section.key())) {
                    throw new IllegalArgumentException("plugin " + id + " reads " + section.key() + " without declaring it in settings()");
                }
                return config.section(section);
            }

            @Override
            public Path dataDir() {
                return dataDir.resolve("plugin-data").resolve(id);
            }

            @Override
            public Path botDataDir() {
                return dataDir;
            }

            @Override
            public Services services() {
                return services;
            }

            @Override
            public String botVersion() {
                return botVersion;
            }

            @Override
            public int commandWorkers() {
                return config.executor().workers();
            }

            @Override
            public List<String> enabledPlugins() {
                return started.stream().map(Plugin::id).filter(enabledIds::contains).toList();
            }
        };
    }

    public List<PluginState> states() {
        return Collections.unmodifiableList(states);
    }

    public List<String> startedIds() {
        return started.stream().map(Plugin::id).toList();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            stopQuietly(started.get(i));
        }
        started.clear();
    }

    private static void stopQuietly(Plugin plugin) {
        try {
            plugin.stop();
        } catch (RuntimeException e) {
            LOG.warn("plugin {} failed to stop cleanly: {}", plugin.id(), e.toString());
        }
    }
}
