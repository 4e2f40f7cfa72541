package dev.acgbot.core.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.acgbot.api.config.DataSize;
import dev.acgbot.api.plugin.ConfigException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Turns Jackson's binding errors into one line that names the full key and says what was expected. */
final class ConfigErrors {

    private ConfigErrors() {
    }

    static ConfigException translate(String sectionKey, JsonMappingException e) {
        String path = sectionKey + pathOf(e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).toList();
            return new ConfigException(path, unknownKey(u.getPropertyName(), known, "key"));
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigException c) {
            return new ConfigException(path.isEmpty() ? c.key() : path + "." + c.key(), c.problem());
        }
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(path, "expected " + expected(f.getTargetType()) + ", got '" + f.getValue() + "'");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new ConfigException(path, "expected " + expected(m.getTargetType()) + got(m.getOriginalMessage()));
        }
        if (e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null) {
            return new ConfigException(path, cause.getMessage());
        }
        return new ConfigException(path, e.getOriginalMessage().lines().findFirst().orElse("invalid value"));
    }

    /** "unknown key (did you mean 'folders'?)", or the list of known keys when nothing is close. */
    static String unknownKey(String given, Collection<String> known, String what) {
        Optional<String> near = known.stream()
                .filter(k -> distance(given, k) <= Math.max(2, given.length() / 3) || k.startsWith(given) || given.startsWith(k))
                .min(Comparator.comparingInt(k -> distance(given, k)));
        return near.map(n -> "unknown " + what + " (did you mean '" + n + "'?)")
                .orElse("unknown " + what + (known.size() > 1 ? "; known here: " + new TreeSet<>(known) : ""));
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 30s, 5m or 500ms";
        }
        if (type == DataSize.class) {
            return "a size such as 20MB or 512KB";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList());
        }
        if (type == String.class || type == Path.class) {
            return "a single value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a section (key: value lines)";
        }
        return "a " + type.getSimpleName();
    }

    private static String got(String jacksonMessage) {
        if (jacksonMessage == null) {
            return "";
        }
        if (jacksonMessage.contains("Array value") || jacksonMessage.contains("START_ARRAY")) {
            return ", got a list";
        }
        if (jacksonMessage.contains("Object value") || jacksonMessage.contains("START_OBJECT")) {
            return ", got a section";
        }
        if (jacksonMessage.contains("null")) {
            return ", got nothing";
        }
        return "";
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
