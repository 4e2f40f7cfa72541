package dev.acgbot.app.cli;

import dev.acgbot.app.logging.SecretRedactor;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.models.check.CheckCommand;
import dev.acgbot.models.fetch.DownloadSettings;
import dev.acgbot.models.fetch.ModelCommands;
import dev.acgbot.models.fetch.ModelFetcher;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelPaths;
import dev.acgbot.models.runtime.InferenceRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code acgbot models list | fetch [id] | verify [id] | check [id]}. */
@Command(name = "models", description = "List, download, verify and check models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Fetch.class, ModelsCommand.Verify.class,
                ModelsCommand.Check.class, ModelsCommand.ImportImmich.class})
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
        DownloadSettings download = DownloadConfig.settings(models.download(), System.getenv());
        download.hubToken().ifPresent(SecretRedactor::register);
        ModelPaths paths = new ModelPaths(models.dirOr(config.dataDir()));
        List<String> defaults = List.of(models.tagger(), models.clipImage(), models.clipText());
        return new ModelCommands(ManifestRegistry.load(models.manifestsDir()), paths,
                new ModelFetcher(paths, System.out, download), System.out, defaults);
    }

    @Command(name = "list", description = "Every known model, its download size and whether its files are present.")
    static final class ListModels implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            return commands(config).list();
        }
    }

    @Command(name = "fetch", description = {"Download a model's files, with resume and sha256 checks.",
            "Without an id: the configured tagger and CLIP pair (models.tagger, clip_image, clip_text).",
            "Mirror and proxy: HF_ENDPOINT, HF_TOKEN, HTTPS_PROXY/HTTP_PROXY/ALL_PROXY, NO_PROXY (or models.download.*)."})
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

    @Command(name = "check", description = {"Run installed models on built-in colour probes and print a verdict per model.",
            "The verdict is kept beside the model; index and /reindex refuse a model whose last check failed."})
    static final class Check implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Parameters(arity = "0..1", paramLabel = "MODEL", description = "model id (default: every installed model)")
        String id;

        @Override
        public Integer call() {
            BotConfig bot = config.load();
            ModelsSettings models = bot.section(ModelsSettings.SECTION);
            try (InferenceRuntime runtime = InferenceRuntime.builder().manifestDirs(models.manifestsDir())
                    .modelDir(models.dirOr(bot.dataDir())).device(models.device()).maxBatch(models.maxBatch())
                    .maxWait(models.maxWait()).build()) {
                return new CheckCommand(runtime, System.out, Clock.systemUTC()).run(Optional.ofNullable(id));
            }
        }
    }

    @Command(name = "import-immich", description = {"Write manifests for an Immich CLIP package already on disk",
            "(config.json, visual/model.onnx + preprocess_cfg.json, textual/model.onnx + tokenizer.json)."})
    static final class ImportImmich implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Parameters(paramLabel = "DIR", description = "the package folder, e.g. a `huggingface-cli download immich-app/...` copy")
        java.nio.file.Path dir;
        @picocli.CommandLine.Option(names = "--id", paramLabel = "ID", description = "id prefix (default: immich-<folder name>)")
        String id;
        @picocli.CommandLine.Option(names = "--languages", split = ",", paramLabel = "zh,en",
                description = "what the text tower reads, for models check (default: zh,en)")
        List<String> languages = List.of("zh", "en");
        @picocli.CommandLine.Option(names = "--out", paramLabel = "DIR", description = "where to write (default: the first models.manifests_dir)")
        java.nio.file.Path out;

        @Override
        public Integer call() throws java.io.IOException {
            BotConfig bot = config.load();
            ModelsSettings models = bot.section(ModelsSettings.SECTION);
            java.nio.file.Path target = out != null ? out : models.manifestsDir().stream().findFirst().orElse(null);
            if (target == null) {
                System.err.println("acgbot: no folder to write to: set models.manifests_dir in the configuration, or pass --out DIR (and list it there)");
                return 2;
            }
            if (!languages.stream().allMatch(l -> l.equals("zh") || l.equals("en")) || languages.isEmpty()) {
                System.err.println("acgbot: --languages takes zh, en or zh,en");
                return 2;
            }
            String prefix = id != null ? id : dev.acgbot.models.manifest.ImmichPackage.defaultId(dir);
            dev.acgbot.models.manifest.ImmichPackage.Manifests m;
            try {
                m = dev.acgbot.models.manifest.ImmichPackage.read(dir, prefix, languages);
            } catch (dev.acgbot.models.manifest.ManifestException e) {
                System.err.println("acgbot: " + e.getMessage());
                return 2;
            }
            java.nio.file.Files.createDirectories(target);
            for (String[] f : List.of(new String[]{m.imageId(), m.imageYaml()}, new String[]{m.textId(), m.textYaml()})) {
                java.nio.file.Path file = target.resolve(f[0] + ".yaml");
                java.nio.file.Files.writeString(file, f[1]);
                System.out.println("wrote " + file);
            }
            System.out.println("next: set models.clip_image: " + m.imageId() + " and models.clip_text: " + m.textId()
                    + (out != null && !models.manifestsDir().contains(out.toAbsolutePath().normalize()) ? ", add " + target + " to models.manifests_dir" : "")
                    + ", then ./acgbot models check " + m.imageId());
            return 0;
        }
    }
}
