package dev.acgbot.core.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.acgbot.api.config.DataSize;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the configuration spells durations ({@code 30s}), sizes ({@code 20MB}) and paths (relative to the config
 * file's directory), both ways: the defaults are written out with the same spelling and read back, so a default
 * and the same value typed by the operator bind to equal records.
 */
final class ValueCodecs {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([kmgt]i?b?|b)?");

    private ValueCodecs() {
    }

    /** @param baseDir what relative paths resolve against */
    static SimpleModule module(Path baseDir) {
        SimpleModule module = new SimpleModule("acgbot-config");
        module.addDeserializer(Duration.class, new DurationDeserializer());
        module.addSerializer(Duration.class, new DurationSerializer());
        module.addDeserializer(DataSize.class, new DataSizeDeserializer());
        module.addSerializer(DataSize.class, new ToStringSerializer(DataSize.class));
        module.addDeserializer(Path.class, new PathDeserializer(baseDir));
        module.addSerializer(Path.class, new ToStringSerializer(Path.class));
        return module;
    }

    /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 500ms}, or a bare number of seconds. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 86_400_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** {@code 20MB}, {@code 512KB}, {@code 1GB} (powers of 1024), or a bare number of bytes. */
    static DataSize parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", ""));
        if (!m.matches()) {
            return null;
        }
        long factor = switch (m.group(2) == null ? 'b' : m.group(2).charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1L;
        };
        return new DataSize(Math.round(Double.parseDouble(m.group(1)) * factor));
    }

    private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            Duration d = parseDuration(p.getText());
            if (d == null) {
                throw ctxt.weirdStringException(p.getText(), Duration.class, "not a duration");
            }
            return d;
        }
    }

    private static final class DurationSerializer extends StdScalarSerializer<Duration> {
        DurationSerializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toMillis() + "ms");
        }
    }

    private static final class DataSizeDeserializer extends StdScalarDeserializer<DataSize> {
        DataSizeDeserializer() {
            super(DataSize.class);
        }

        @Override
        public DataSize deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue() || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return (DataSize) ctxt.handleUnexpectedToken(DataSize.class, p);
            }
            DataSize size = parseSize(p.getText());
            if (size == null) {
                throw ctxt.weirdStringException(p.getText(), DataSize.class, "not a size");
            }
            return size;
        }
    }

    private static final class PathDeserializer extends StdScalarDeserializer<Path> {
        private final Path baseDir;

        PathDeserializer(Path baseDir) {
            super(Path.class);
            this.baseDir = baseDir;
        }

        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (Path) ctxt.handleUnexpectedToken(Path.class, p);
            }
            String text = p.getText().strip();
            if (text.isEmpty()) {
                return null;
            }
            if (text.equals("~") || text.startsWith("~/")) {
                text = System.getProperty("user.home") + text.substring(1);
            }
            return baseDir.resolve(text).normalize();
        }
    }
}
