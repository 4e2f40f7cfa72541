package dev.acgbot.api.plugin;

/**
 * A configuration value is missing or wrong; the message names the full key and the problem. Thrown from a
 * settings record's constructor with a key relative to that record, the core prefixes the record's path.
 */
public class ConfigException extends RuntimeException {
    private final String key;
    private final String problem;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    public String key() {
        return key;
    }

    /** What is wrong, without the key. */
    public String problem() {
        return problem;
    }
}
