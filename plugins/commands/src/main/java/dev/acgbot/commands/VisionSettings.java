package dev.acgbot.commands;

import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.ConfigSection;
import dev.acgbot.gallery.IndexMode;
import dev.acgbot.models.image.DecodeLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The shared sections {@code models:}, {@code gallery:} and {@code cache:} read once into typed values.
 * Every mistake names its key.
 */
public record VisionSettings(Path modelDir, List<Path> manifestDirs, String device, int maxBatch, Duration maxWait,
                             List<String> eagerModels, String taggerModel, String clipImageModel, String clipTextModel,
                             List<Path> galleryFolders, Path galleryDataDir, IndexMode indexMode, int approximateThreshold,
                             int indexBatchSize, boolean tagGallery, DecodeLimits decodeLimits, CacheSettings cache) {

    /**
     * Cache sizes (entries) and lifetimes.
     */
    public record CacheSettings(long tagEntries, long imageEmbeddingEntries, long textEmbeddingEntries,
                                long searchEntries, Duration expireAfterAccess) {
    }

    public static VisionSettings from(ConfigSection root, Path botDataDir) {
        ConfigSection models = root.section("models");
        Path base = Path.of("").toAbsolutePath();
        Path modelDir = models.string("dir").map(d -> base.resolve(d).normalize()).orElse(botDataDir.resolve("models"));
        List<Path> manifestDirs = models.stringList("manifests_dir").stream().map(d -> base.resolve(d).normalize()).toList();
        String device = models.string("device", "auto").toLowerCase(Locale.ROOT);
        if (!device.matches("auto|cpu|gpu(:\\d+)?")) {
            throw new ConfigException("models.device", "expected auto, cpu, gpu or gpu:N, got '" + device + "'");
        }
        int maxBatch = models.integer("max_batch", 32);
        if (maxBatch < 1) {
            throw new ConfigException("models.max_batch", "must be at least 1");
        }

        ConfigSection gallery = root.section("gallery");
        List<Path> folders = gallery.stringList("folders").stream().map(f -> base.resolve(f).normalize()).toList();
        Path galleryData = gallery.string("data_dir").map(d -> base.resolve(d).normalize()).orElse(botDataDir.resolve("gallery"));
        IndexMode mode = switch (gallery.string("index", "auto").toLowerCase(Locale.ROOT)) {
            case "auto" -> IndexMode.AUTO;
            case "exact" -> IndexMode.EXACT;
            case "approximate", "graph" -> IndexMode.APPROXIMATE;
            default -> throw new ConfigException("gallery.index", "expected auto, exact or approximate");
        };
        long maxBytes = gallery.bytes("max_image_bytes", DecodeLimits.DEFAULT_MAX_BYTES);
        long maxPixels = gallery.longValue("max_image_pixels", DecodeLimits.DEFAULT_MAX_PIXELS);
        if (maxBytes < 1 || maxPixels < 1) {
            throw new ConfigException("gallery.max_image_pixels", "limits must be positive");
        }

        ConfigSection cache = root.section("cache");
        CacheSettings cacheSettings = new CacheSettings(
                cache.longValue("tags", 10_000), cache.longValue("image_embeddings", 10_000),
                cache.longValue("text_embeddings", 5_000), cache.longValue("search_results", 2_000),
                cache.duration("expire_after_access", Duration.ofHours(24)));

        return new VisionSettings(modelDir, manifestDirs, device, maxBatch, models.duration("max_wait", Duration.ofMillis(5)),
                models.stringList("eager"), models.string("tagger", "wd-vit-tagger-v3"),
                models.string("clip_image", "cn-clip-vit-b-16-image"), models.string("clip_text", "cn-clip-vit-b-16-text"),
                folders, galleryData, mode, gallery.integer("approximate_threshold", 50_000), gallery.integer("batch_size", 32),
                gallery.bool("tag_images", true), new DecodeLimits(maxBytes, maxPixels), cacheSettings);
    }
}
