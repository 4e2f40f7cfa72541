package dev.acgbot.api.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of one part of the YAML configuration. Getters that are given a wrong type throw
 * {@link ConfigException} naming the full key, so the operator knows what to fix.
 */
public interface ConfigSection {

    /** Dotted path of this section from the root, empty for the root. */
    String path();

    Set<String> keys();

    boolean has(String key);

    ConfigSection section(String key);

    Optional<String> string(String key);

    String string(String key, String defaultValue);

    int integer(String key, int defaultValue);

    long longValue(String key, long defaultValue);

    double decimal(String key, double defaultValue);

    boolean bool(String key, boolean defaultValue);

    /** Accepts {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms} or a bare number of seconds. */
    Duration duration(String key, Duration defaultValue);

    /** Accepts {@code 20MB}, {@code 512KB}, {@code 1GB} or a bare number of bytes. */
    long bytes(String key, long defaultValue);

    /** A list of scalars as strings; a single scalar becomes a one-element list. */
    List<String> stringList(String key);

    /** A list of mappings. */
    List<ConfigSection> sectionList(String key);
}
