package dev.acgbot.app.cli;

import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.models.fetch.ModelCommands;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code acgbot models list | fetch [id] | verify [id]}. */
@Command(name = "models", description = "List, download and verify model files.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Fetch.class, ModelsCommand.Verify.class})
public final class ModelsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        return commands(config).list();
    }

    static ModelCommands commands(ConfigOption option) {
        BotConfig config = option.load();
        ModelsSettings models = config.section(ModelsSettings.SECTION);
        return new ModelCommands(ManifestRegistry.load(models.manifestsDir()), new ModelPaths(models.dirOr(config.dataDir())), System.out);
    }

    @Command(name = "list", description = "Every known model and whether its files are present.")
    static final class ListModels implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            return commands(config).list();
        }
    }

    @Command(name = "fetch", description = "Download a model's files (all models when no id is given), with resume and sha256 checks.")
    static final class Fetch implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Parameters(arity = "0..1", paramLabel = "MODEL", description = "model id, see 'models list'")
        String id;

        @Override
        public Integer call() {
            return commands(config).fetch(Optional.ofNullable(id));
        }
    }

    @Command(name = "verify", description = "Check presence, size and sha256 of model files.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Parameters(arity = "0..1", paramLabel = "MODEL", description = "model id, see 'models list'")
        String id;

        @Override
        public Integer call() {
            return commands(config).verify(Optional.ofNullable(id));
        }
    }
}
