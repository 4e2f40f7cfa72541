package dev.acgbot.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.ConfigSection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bot's configuration: the embedded defaults, overlaid with the operator's YAML file, overlaid with
 * secrets from the environment. Validated at load so that a mistake is reported once, naming the key.
 */
public final class BotConfig {
    static final String DEFAULTS_RESOURCE = "/dev/acgbot/core/acgbot-defaults.yaml";

    /** Environment variables that override config keys; secrets belong here rather than in files. */
    static final Map<String, String> ENV_OVERRIDES = Map.of(
            "DISCORD_TOKEN", "adapters.discord.token",
            "TELEGRAM_BOT_TOKEN", "adapters.telegram.token",
            "ACGBOT_DATA_DIR", "bot.data_dir");

    private static final Set<String> TOP_LEVEL_KEYS = Set.of(
            "bot", "admins", "limits", "executor", "adapters", "plugins", "models", "gallery", "cache", "health", "network");

    private final YamlConfigSection root;
    private final Path baseDir;

    private BotConfig(YamlConfigSection root, Path baseDir) {
        this.root = root;
        this.baseDir = baseDir;
    }

    /** The embedded defaults only, with environment overrides. */
    public static BotConfig defaults() {
        return build(Map.of(), System.getenv(), Path.of("").toAbsolutePath());
    }

    /** Parses YAML text (over the defaults), without environment overrides; for tests and tools. */
    public static BotConfig parse(String yaml) {
        return build(readYaml(yaml, "config"), Map.of(), Path.of("").toAbsolutePath());
    }

    /** Parses YAML text over the defaults with the given environment. */
    public static BotConfig parse(String yaml, Map<String, String> env) {
        return build(readYaml(yaml, "config"), env, Path.of("").toAbsolutePath());
    }

    /** Loads a YAML file over the defaults, with environment overrides. Relative paths resolve from the working directory. */
    public static BotConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read the config file (" + e.getMessage() + ")");
        }
        return build(readYaml(text, file.toString()), System.getenv(), Path.of("").toAbsolutePath());
    }

    private static BotConfig build(Map<String, Object> user, Map<String, String> env, Path baseDir) {
        Map<String, Object> merged = deepMerge(loadDefaults(), user);
        ENV_OVERRIDES.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                put(merged, key, value.trim());
            }
        });
        BotConfig config = new BotConfig(new YamlConfigSection("", merged), baseDir);
        config.validate();
        return config;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readYaml(String text, String source) {
        if (text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Object parsed = new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
            if (parsed == null) {
                return new LinkedHashMap<>();
            }
            if (!(parsed instanceof Map)) {
                throw new ConfigException(source, "the file must be a YAML mapping (key: value lines)");
            }
            return (Map<String, Object>) parsed;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr();
            throw new ConfigException(source + where, "not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static Map<String, Object> loadDefaults() {
        try (InputStream in = BotConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("embedded defaults missing: " + DEFAULTS_RESOURCE);
            }
            return readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), "embedded defaults");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read embedded defaults", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        over.forEach((k, v) -> {
            Object b = out.get(k);
            if (b instanceof Map && v instanceof Map) {
                out.put(k, deepMerge((Map<String, Object>) b, (Map<String, Object>) v));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String dottedKey, Object value) {
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> cursor = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = cursor.get(parts[i]);
            Map<String, Object> child = next instanceof Map ? new LinkedHashMap<>((Map<String, Object>) next) : new LinkedHashMap<>();
            cursor.put(parts[i], child);
            cursor = child;
        }
        cursor.put(parts[parts.length - 1], value);
    }

    private void validate() {
        for (String key : root.keys()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new ConfigException(key, "unknown key; known top-level keys are " + new TreeSet<>(TOP_LEVEL_KEYS));
            }
        }
        ConfigSection bot = root.section("bot");
        requireKnown(bot, "name", "data_dir", "plugins_dir", "version");
        if (bot.string("data_dir", "").isBlank()) {
            throw new ConfigException("bot.data_dir", "must not be empty");
        }
        ConfigSection admins = root.section("admins");
        for (String platform : admins.keys()) {
            admins.stringList(platform);
        }
        ConfigSection limits = root.section("limits");
        requireKnown(limits, "per_user", "per_chat", "exempt_admins");
        for (String scope : List.of("per_user", "per_chat")) {
            ConfigSection s = limits.section(scope);
            requireKnown(s, "capacity", "refill_per_minute");
            positive(s, "capacity", s.integer("capacity", 1));
            positive(s, "refill_per_minute", s.decimal("refill_per_minute", 1));
        }
        limits.bool("exempt_admins", true);
        ConfigSection exec = executor();
        requireKnown(exec, "workers", "queue", "command_timeout", "max_attachment_bytes");
        positive(exec, "workers", exec.integer("workers", 1));
        if (exec.integer("queue", 0) < 0) {
            throw new ConfigException("executor.queue", "must be 0 or more");
        }
        Duration timeout = exec.duration("command_timeout", Duration.ofSeconds(1));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new ConfigException("executor.command_timeout", "must be longer than zero");
        }
        positive(exec, "max_attachment_bytes", exec.bytes("max_attachment_bytes", 1));
        ConfigSection plugins = root.section("plugins");
        for (String id : plugins.keys()) {
            plugins.section(id).bool("enabled", true);
        }
        ConfigSection adapters = root.section("adapters");
        for (String id : adapters.keys()) {
            adapters.section(id);
        }
        ServiceSettings.validate(this);
    }

    private static void requireKnown(ConfigSection section, String... known) {
        Set<String> allowed = Set.of(known);
        for (String key : section.keys()) {
            if (!allowed.contains(key)) {
                String prefix = section.path().isEmpty() ? "" : section.path() + ".";
                throw new ConfigException(prefix + key, "unknown key; known keys here are " + new TreeSet<>(allowed));
            }
        }
    }

    private static void positive(ConfigSection section, String key, double value) {
        if (!(value > 0)) {
            throw new ConfigException(section.path() + "." + key, "must be greater than zero");
        }
    }

    public ConfigSection root() {
        return root;
    }

    public ConfigSection section(String key) {
        return root.section(key);
    }

    public String botName() {
        return root.section("bot").string("name", "acgbot");
    }

    /** Where the bot writes everything; relative paths resolve against the working directory. */
    public Path dataDir() {
        return baseDir.resolve(root.section("bot").string("data_dir", "data")).normalize();
    }

    /** Directory of plugin jars; defaults to {@code <data_dir>/plugins}. */
    public Path pluginsDir() {
        return root.section("bot").string("plugins_dir")
                .map(p -> baseDir.resolve(p).normalize())
                .orElse(dataDir().resolve("plugins"));
    }

    public ConfigSection executor() {
        return root.section("executor");
    }

    public ConfigSection limits() {
        return root.section("limits");
    }

    public ConfigSection admins() {
        return root.section("admins");
    }

    public ConfigSection adapters() {
        return root.section("adapters");
    }

    public ConfigSection plugins() {
        return root.section("plugins");
    }
}
