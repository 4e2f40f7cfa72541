package dev.acgbot.api.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The typed option values of one command invocation, already validated against its spec. */
public final class Arguments {
    private static final Arguments EMPTY = new Arguments(Map.of());
    private final Map<String, Object> values;

    public Arguments(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Arguments empty() {
        return EMPTY;
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name)).filter(String.class::isInstance).map(String.class::cast);
    }

    public OptionalDouble number(String name) {
        Object v = values.get(name);
        return v instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    public Optional<Attachment> attachment(String name) {
        return Optional.ofNullable(values.get(name)).filter(Attachment.class::isInstance).map(Attachment.class::cast);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
