package dev.acgbot.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration file, bound section by section to typed records ({@link SettingsSection}): the core's own
 * sections at load, the sections plugins and adapters declare when they are known. Each default is written once,
 * in its record's {@code DEFAULTS}; the operator's file and then the environment are laid over it. Any mistake
 * (unknown key, wrong type, bad value) is one {@link ConfigException} naming the full key.
 *
 * <p>Adding a core section (say {@code health:}) is one record with {@code DEFAULTS} and {@code SECTION}
 * constants, listed in {@link #CORE_SECTIONS}; read it with {@link #section}. A plugin's or adapter's section is
 * declared by that plugin ({@code Plugin.settings()}) or adapter factory, never here.
 */
public final class BotConfig {
    /** The sections the core itself reads. */
    public static final List<SettingsSection<?>> CORE_SECTIONS = List.of(
            BotSettings.SECTION, AdminSettings.SECTION, LimitsSettings.SECTION, ExecutorSettings.SECTION,
            ServiceSettings.Health.SECTION, ServiceSettings.Network.SECTION);
    /** Top-level keys whose children others declare: {@code adapters.<platform>} and {@code plugins.<id>}. */
    static final Set<String> CONTAINERS = Set.of("adapters", "plugins");

    /** Environment variables that override config keys; secrets belong here rather than in files. */
    static final Map<String, String> ENV_OVERRIDES = Map.of(
            "DISCORD_TOKEN", "adapters.discord.token",
            "TELEGRAM_BOT_TOKEN", "adapters.telegram.token",
            "ACGBOT_DATA_DIR", "bot.data_dir");

    private final ObjectNode tree;
    private final ConfigBinder binder;
    private final Path baseDir;
    private final Map<String, Object> bound = new ConcurrentHashMap<>();

    private BotConfig(ObjectNode tree, Path baseDir) {
        this.tree = tree;
        this.baseDir = baseDir;
        this.binder = new ConfigBinder(baseDir);
        CORE_SECTIONS.forEach(this::section);
    }

    /** No file: the defaults with environment overrides; relative paths resolve from the working directory. */
    public static BotConfig defaults() {
        return build(JsonNodeFactory.instance.objectNode(), System.getenv(), workingDir());
    }

    /** YAML text without environment overrides, relative to the working directory; for tests and tools. */
    public static BotConfig parse(String yaml) {
        return parse(yaml, Map.of());
    }

    public static BotConfig parse(String yaml, Map<String, String> env) {
        return parse(yaml, env, workingDir());
    }

    /** YAML text with the given environment, relative paths resolving against {@code baseDir}. */
    public static BotConfig parse(String yaml, Map<String, String> env, Path baseDir) {
        return build(readYaml(yaml, "config"), env, baseDir.toAbsolutePath().normalize());
    }

    /** A YAML file with environment overrides; relative paths in it resolve against the file's directory. */
    public static BotConfig load(Path file) {
        return load(file, System.getenv());
    }

    public static BotConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read the config file (" + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return build(readYaml(text, file.toString()), env, dir);
    }

    private static Path workingDir() {
        return Path.of("").toAbsolutePath();
    }

    private static BotConfig build(ObjectNode tree, Map<String, String> env, Path baseDir) {
        ENV_OVERRIDES.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                // a path given in the environment means what it means in the shell that set it
                String v = key.equals("bot.data_dir") ? workingDir().resolve(value.strip()).normalize().toString() : value.strip();
                put(tree, key, v);
            }
        });
        return new BotConfig(tree, baseDir);
    }

    static ObjectNode readYaml(String text, String source) {
        if (text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode parsed = new ConfigBinder(workingDir()).mapper().readTree(text);
            if (parsed == null || parsed.isNull() || parsed.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!(parsed instanceof ObjectNode object)) {
                throw new ConfigException(source, "the file must be a YAML mapping (key: value lines)");
            }
            return object;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr();
            throw new ConfigException(source + where, "not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static void put(ObjectNode root, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode cursor = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = cursor.get(parts[i]);
            cursor = next instanceof ObjectNode child ? child : cursor.putObject(parts[i]);
        }
        cursor.put(parts[parts.length - 1], value);
    }

    /**
     * The section bound to its record: the file's keys (and environment overrides) over the declared defaults.
     * For {@code plugins.<id>} the core's own {@code enabled} key is left out.
     */
    public <T> T section(SettingsSection<T> section) {
        Object value = bound.computeIfAbsent(section.key(), k -> binder.bind(section, userNode(section.key())));
        if (!section.type().isInstance(value)) {
            throw new IllegalStateException(section.key() + " is declared twice, as " + value.getClass().getName()
                    + " and " + section.type().getName());
        }
        return section.type().cast(value);
    }

    private JsonNode userNode(String key) {
        String[] parts = key.split("\\.");
        JsonNode node = tree.get(parts[0]);
        if (parts.length == 2) {
            node = requireSection(parts[0], node).get(parts[1]);
            if (parts[0].equals("plugins") && node instanceof ObjectNode plugin) {
                ObjectNode copy = plugin.deepCopy();
                copy.remove("enabled");
                return copy;
            }
        }
        return node;
    }

    private static ObjectNode requireSection(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new ConfigException(key, "expected a section (key: value lines), got '" + node.asText() + "'");
    }

    /** Whether {@code plugins.<id>.enabled} leaves the plugin on (it is on unless set to false). */
    public boolean pluginEnabled(String id) {
        JsonNode plugin = requireSection("plugins", tree.get("plugins")).get(id);
        JsonNode enabled = requireSection("plugins." + id, plugin).get("enabled");
        if (enabled == null || enabled.isNull()) {
            return true;
        }
        if (!enabled.isBoolean()) {
            throw new ConfigException("plugins." + id + ".enabled", "expected true or false, got '" + enabled.asText() + "'");
        }
        return enabled.booleanValue();
    }

    /** The keys the file has under a section ({@code plugins} or {@code plugins.core}), in file order. */
    public Set<String> keysUnder(String dottedKey) {
        JsonNode node = tree;
        String path = "";
        for (String part : dottedKey.split("\\.")) {
            path = path.isEmpty() ? part : path + "." + part;
            node = requireSection(path, node.get(part));
        }
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Fails on a key under {@code parent} that is not one of {@code known}, suggesting the nearest. */
    public void requireKnownChildren(String parent, Collection<String> known, String what) {
        for (String key : keysUnder(parent)) {
            if (!known.contains(key)) {
                throw new ConfigException(parent + "." + key, ConfigErrors.unknownKey(key, known, what));
            }
        }
    }

    /** Fails on a top-level key that neither the core nor any of the {@code declared} sections reads. */
    public void requireKnownTopLevel(Collection<SettingsSection<?>> declared) {
        Set<String> known = new LinkedHashSet<>(CONTAINERS);
        CORE_SECTIONS.forEach(s -> known.add(s.topLevelKey()));
        declared.forEach(s -> known.add(s.topLevelKey()));
        tree.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new ConfigException(key, ConfigErrors.unknownKey(key, known, "top-level key"));
            }
        });
    }

    /** Every {@code token} under {@code adapters:} (from the file or the environment), for log redaction. */
    public List<String> secrets() {
        List<String> secrets = new java.util.ArrayList<>();
        requireSection("adapters", tree.get("adapters")).forEach(adapter -> {
            JsonNode token = adapter.get("token");
            if (token != null && token.isValueNode() && !token.asText().isBlank()) {
                secrets.add(token.asText().strip());
            }
        });
        return secrets;
    }

    public BotSettings bot() {
        return section(BotSettings.SECTION);
    }

    public AdminSettings admins() {
        return section(AdminSettings.SECTION);
    }

    public LimitsSettings limits() {
        return section(LimitsSettings.SECTION);
    }

    public ExecutorSettings executor() {
        return section(ExecutorSettings.SECTION);
    }

    public ConsoleSettings console() {
        return section(ConsoleSettings.SECTION);
    }

    public String botName() {
        return bot().name();
    }

    /** Where the bot writes everything. */
    public Path dataDir() {
        return bot().dataDir();
    }

    /** Directory of plugin jars; defaults to {@code <data_dir>/plugins}. */
    public Path pluginsDir() {
        return bot().pluginsDirOrDefault();
    }

    /** What relative paths in the file resolve against: the config file's directory (else the working directory). */
    public Path baseDir() {
        return baseDir;
    }
}
