package dev.acgbot.commands.settings;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.models.runtime.MemoryBudget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.TreeMap;

/**
 * {@code models:} which models the vision commands use and how inference runs.
 *
 * @param dir          where fetched model files live; null means {@code <data_dir>/models}
 * @param manifestsDir extra manifest folders
 * @param device       auto, cpu, gpu or gpu:N
 * @param maxBatch     concurrent requests for one model are batched up to this size…
 * @param maxWait      …or this long after the first
 * @param eager        model ids loaded at start instead of on first use
 * @param tagger       used by /tag and to store gallery tags
 * @param clipImage    image tower for /similar, /tag keywords and the gallery
 * @param clipText     text tower for /search (same embedding space as clipImage)
 * @param download     hub mirror, token and proxies for {@code models fetch}; each environment variable overrides its key
 * @param memoryBudget the whole bot's memory ({@code auto}: three fifths of the machine, at most 2.5 GB; or e.g.
 *                     {@code 2g}); the heap, each model's batch (up to maxBatch) and ONNX Runtime's allocator
 *                     follow from it, and a budget too small for the three models is refused at start
 * @param unloadIdle   a model not listed in eager and unused this long is closed and loads again on next use
 *                     (0 keeps it): between searches the text tower's 400+ MB go back to the system
 * @param ratingClassifier a safety classifier rating images next to the tagger (nsfwjs-mobilenet-v2, from the
 *                     manifests in models/nsfwjs); empty for none. Its thresholds are in {@code safety.classifier}
 * @param imageEmbedding an image-embedding model /similar and the gallery use when clipImage is not installed
 *                     (nsfwjs-mobilenet-v2-features); empty for none. /search still needs CLIP
 */
public record ModelsSettings(Path dir, List<Path> manifestsDir, String device, int maxBatch, Duration maxWait,
                             List<String> eager, String tagger, String clipImage, String clipText, Download download,
                             String memoryBudget, Duration unloadIdle, String ratingClassifier, String imageEmbedding) {
    public static final ModelsSettings DEFAULTS = new ModelsSettings(null, List.of(), "auto", 32, Duration.ofMillis(5), List.of(),
            "wd-vit-tagger-v3", "cn-clip-vit-b-16-image", "cn-clip-vit-b-16-text", Download.NONE, "auto",
            Duration.ofMinutes(10), "", "");
    public static final SettingsSection<ModelsSettings> SECTION = new SettingsSection<>("models", ModelsSettings.class, DEFAULTS);

    public ModelsSettings {
        manifestsDir = List.copyOf(manifestsDir);
        eager = List.copyOf(eager);
        device = device.strip().toLowerCase(Locale.ROOT);
        if (!device.matches("auto|cpu|gpu(:\\d+)?")) {
            throw new ConfigException("device", "expected auto, cpu, gpu or gpu:N, got '" + device + "'");
        }
        if (maxBatch < 1) {
            throw new ConfigException("max_batch", "must be at least 1");
        }
        memoryBudget = memoryBudget == null || memoryBudget.isBlank() ? "auto" : memoryBudget.strip();
        try {
            budget(memoryBudget, 0);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("memory_budget", e.getMessage().replaceFirst("^memory_budget: ", ""));
        }
        ratingClassifier = ratingClassifier == null ? "" : ratingClassifier.strip();
        imageEmbedding = imageEmbedding == null ? "" : imageEmbedding.strip();
        if (unloadIdle == null || unloadIdle.isNegative()) {
            throw new ConfigException("unload_idle", "must be a duration such as 10m, or 0 to keep models loaded");
        }
    }

    /**
     * The budget: this setting, else the launcher's {@code -Dacgbot.memory_budget} (from ACGBOT_MEMORY_BUDGET), else
     * derived from {@code machineBytes}.
     */
    public MemoryBudget budget(long machineBytes) {
        return budget(memoryBudget, machineBytes);
    }

    private static MemoryBudget budget(String setting, long machineBytes) {
        String value = setting.equalsIgnoreCase("auto") ? System.getProperty("acgbot.memory_budget", "auto") : setting;
        return MemoryBudget.parse(value, machineBytes);
    }

    /** The model ids the commands use, each once. */
    public List<String> configuredModels() {
        return java.util.stream.Stream.of(tagger, clipImage, clipText, ratingClassifier, imageEmbedding)
                .filter(id -> id != null && !id.isBlank()).distinct().toList();
    }

    /**
     * The model whose image vectors /similar and the gallery use: the CLIP image tower when installed, else the
     * image-embedding model when one is set and installed.
     */
    public Optional<String> similarModel(Predicate<String> installed) {
        if (installed.test(clipImage)) {
            return Optional.of(clipImage);
        }
        return imageEmbedding.isEmpty() || !installed.test(imageEmbedding) ? Optional.empty() : Optional.of(imageEmbedding);
    }

    /** The rating classifier when one is set and installed. */
    public Optional<String> ratingClassifier(Predicate<String> installed) {
        return ratingClassifier.isEmpty() || !installed.test(ratingClassifier) ? Optional.empty() : Optional.of(ratingClassifier);
    }

    /**
     * {@code models.download}: where {@code models fetch} goes (a Hugging Face mirror, a token, HTTP proxies). Empty
     * strings mean "not set"; the variables HF_ENDPOINT, HF_TOKEN, HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY win.
     */
    public record Download(String hfEndpoint, String hfToken, String httpsProxy, String httpProxy, String allProxy, String noProxy) {
        public static final Download NONE = new Download("", "", "", "", "", "");

        /** The keys that are set, named as in the file. */
        public Map<String, String> asKeys() {
            Map<String, String> keys = new TreeMap<>();
            put(keys, "hf_endpoint", hfEndpoint);
            put(keys, "hf_token", hfToken);
            put(keys, "https_proxy", httpsProxy);
            put(keys, "http_proxy", httpProxy);
            put(keys, "all_proxy", allProxy);
            put(keys, "no_proxy", noProxy);
            return keys;
        }

        private static void put(Map<String, String> keys, String key, String value) {
            if (value != null && !value.isBlank()) {
                keys.put(key, value);
            }
        }
    }

    public Path dirOr(Path botDataDir) {
        return dir != null ? dir : botDataDir.resolve("models");
    }
}
