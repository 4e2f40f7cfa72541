package dev.acgbot.core.config;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.ConfigSection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link ConfigSection} over a parsed YAML mapping; every type error names the full dotted key. */
public final class YamlConfigSection implements ConfigSection {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?|b)?");

    private final String path;
    private final Map<String, Object> values;

    public YamlConfigSection(String path, Map<String, ?> values) {
        this.path = path;
        Map<String, Object> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> copy.put(String.valueOf(k), v));
        }
        this.values = Collections.unmodifiableMap(copy);
    }

    public static YamlConfigSection empty(String path) {
        return new YamlConfigSection(path, Map.of());
    }

    /** The raw values, for deep merges and for plugins that bind their section to their own types. */
    public Map<String, Object> asMap() {
        return values;
    }

    private String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Set<String> keys() {
        return new LinkedHashSet<>(values.keySet());
    }

    @Override
    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ConfigSection section(String key) {
        Object v = values.get(key);
        if (v == null) {
            return empty(key(key));
        }
        if (v instanceof Map<?, ?> m) {
            return new YamlConfigSection(key(key), (Map<String, ?>) m);
        }
        throw new ConfigException(key(key), "expected a section (key: value lines), got " + describe(v));
    }

    @Override
    public Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw new ConfigException(key(key), "expected a single value, got " + describe(v));
        }
        return Optional.of(String.valueOf(v));
    }

    @Override
    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    @Override
    public int integer(String key, int defaultValue) {
        long v = longValue(key, defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ConfigException(key(key), "number out of range: " + v);
        }
        return (int) v;
    }

    @Override
    public long longValue(String key, long defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(key(key), "expected a whole number, got " + describe(v));
        }
    }

    @Override
    public double decimal(String key, double defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key(key), "expected a number, got " + describe(v));
        }
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (String.valueOf(v).trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key(key), "expected true or false, got " + describe(v));
        };
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(String.valueOf(v).trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ConfigException(key(key), "expected a duration such as 30s, 5m or 500ms, got " + describe(v));
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 86_400_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    @Override
    public long bytes(String key, long defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        Matcher m = BYTES.matcher(String.valueOf(v).trim().toLowerCase(Locale.ROOT).replace(" ", ""));
        if (!m.matches()) {
            throw new ConfigException(key(key), "expected a size such as 20MB or 512KB, got " + describe(v));
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1L;
        };
        return Math.round(amount * factor);
    }

    @Override
    public List<String> stringList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof Map || item instanceof List) {
                    throw new ConfigException(key(key) + "[" + i + "]", "expected a single value, got " + describe(item));
                }
                out.add(String.valueOf(item));
            }
            return List.copyOf(out);
        }
        if (v instanceof Map) {
            throw new ConfigException(key(key), "expected a list, got " + describe(v));
        }
        return List.of(String.valueOf(v));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ConfigSection> sectionList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new ConfigException(key(key), "expected a list of sections, got " + describe(v));
        }
        List<ConfigSection> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ConfigException(key(key) + "[" + i + "]", "expected a section, got " + describe(list.get(i)));
            }
            out.add(new YamlConfigSection(key(key) + "[" + i + "]", (Map<String, ?>) m));
        }
        return List.copyOf(out);
    }

    static String describe(Object v) {
        if (v instanceof Map) {
            return "a section";
        }
        if (v instanceof List) {
            return "a list";
        }
        return "'" + v + "'";
    }

    @Override
    public String toString() {
        return "ConfigSection[" + path + "]";
    }
}
