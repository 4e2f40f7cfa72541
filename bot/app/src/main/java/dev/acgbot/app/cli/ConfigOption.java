package dev.acgbot.app.cli;

import dev.acgbot.app.logging.LogDirectory;
import dev.acgbot.app.logging.SecretRedactor;
import dev.acgbot.core.config.BotConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --config FILE} option shared by every subcommand. Given before the subcommand ({@code acgbot -c F
 * console}) it counts as given to it: it used to be parsed into the top command's option and silently ignored.
 * Without it: {@code $ACGBOT_CONFIG}, then {@code ./acgbot.yaml} when present, then the embedded defaults.
 */
public final class ConfigOption {
    /** -Dacgbot.log.dir given to the JVM wins over the data directory. */
    private static final boolean EXPLICIT_LOG_DIR = System.getProperty("acgbot.log.dir") != null;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file (default: $ACGBOT_CONFIG, ./acgbot.yaml, or built-in defaults)")
    Path file;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public Path chosenFile() {
        Path given = given();
        if (given != null) {
            return given;
        }
        String env = System.getenv("ACGBOT_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path local = Path.of("acgbot.yaml");
        return Files.isRegularFile(local) ? local : null;
    }

    /** This command's {@code -c}, else the nearest enclosing command's (the launcher reads either, too). */
    private Path given() {
        if (file != null) {
            return file;
        }
        for (CommandSpec c = command == null ? null : command.parent(); c != null; c = c.parent()) {
            for (CommandSpec mixin : c.mixins().values()) {
                if (mixin.userObject() instanceof ConfigOption outer && outer.file != null) {
                    return outer.file;
                }
            }
        }
        return null;
    }

    /** Loads and validates the configuration, registers its secrets for log redaction, and points logging at the data dir. */
    public BotConfig load() {
        return load(null);
    }

    /**
     * As {@link #load()}, with logs going to {@code dataDirOverride/logs} when a command was given its own data
     * directory ({@code index --data-dir DIR}). Must run before anything logs: logback reads the directory once.
     */
    public BotConfig load(Path dataDirOverride) {
        Path chosen = chosenFile();
        BotConfig config = chosen == null ? BotConfig.defaults() : BotConfig.load(chosen);
        config.secrets().forEach(SecretRedactor::register);
        if (!EXPLICIT_LOG_DIR) {
            Path dataDir = dataDirOverride != null ? dataDirOverride.toAbsolutePath() : config.dataDir();
            LogDirectory.use(dataDir.resolve("logs"));
        }
        return config;
    }
}
