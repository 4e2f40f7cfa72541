package dev.acgbot.commands.settings;

import dev.acgbot.api.config.DataSize;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.gallery.IndexMode;
import dev.acgbot.gallery.VectorPrecision;
import dev.acgbot.models.image.DecodeLimits;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code gallery:} the folders indexed by /reindex and {@code ./acgbot index}, and how.
 *
 * @param folders              scanned recursively
 * @param dataDir              store and persisted graph; null means {@code <data_dir>/gallery}
 * @param index                which vector index serves searches
 * @param approximateThreshold in auto mode, the graph index serves from this many images on
 * @param batchSize            images per inference batch and per crash-safe commit
 * @param tagImages            store tagger tags with each image (the "shared tags" of /similar)
 * @param maxImageBytes        larger files are skipped; also the most read of a posted image
 * @param maxImagePixels       decompression-bomb guard, checked from the header before decoding
 * @param rerankDepth          candidates per search re-ranked with the stored full-precision vectors (memory
 *                             holds int8 or 4-bit); 0 lets the gallery choose
 * @param vectorPrecision      how vectors are held in memory: auto (int8, 4-bit once int8 rows + graph would pass
 *                             0.6 GB per model, about 929k images at 512 dimensions), int8 or int4
 */
public record GallerySettings(List<Path> folders, Path dataDir, IndexMode index, int approximateThreshold, int batchSize,
                              boolean tagImages, DataSize maxImageBytes, long maxImagePixels, int rerankDepth,
                              VectorPrecision vectorPrecision) {
    public static final GallerySettings DEFAULTS = new GallerySettings(List.of(), null, IndexMode.AUTO, 50_000, 32, true,
            new DataSize(DecodeLimits.DEFAULT_MAX_BYTES), DecodeLimits.DEFAULT_MAX_PIXELS, 0, VectorPrecision.AUTO);
    public static final SettingsSection<GallerySettings> SECTION = new SettingsSection<>("gallery", GallerySettings.class, DEFAULTS);

    public GallerySettings {
        folders = List.copyOf(folders);
        if (maxImageBytes.bytes() < 1) {
            throw new ConfigException("max_image_bytes", "must be positive");
        }
        if (maxImagePixels < 1) {
            throw new ConfigException("max_image_pixels", "must be positive");
        }
        if (batchSize < 1) {
            throw new ConfigException("batch_size", "must be at least 1");
        }
        if (rerankDepth < 0) {
            throw new ConfigException("rerank_depth", "must be 0 (chosen by the gallery) or positive");
        }
        if (vectorPrecision == null) {
            throw new ConfigException("vector_precision", "must be auto, int8 or int4");
        }
        if (approximateThreshold < 1) {
            throw new ConfigException("approximate_threshold", "must be at least 1");
        }
    }

    public Path dataDirOr(Path botDataDir) {
        return dataDir != null ? dataDir : botDataDir.resolve("gallery");
    }

    public DecodeLimits decodeLimits() {
        return new DecodeLimits(maxImageBytes.bytes(), maxImagePixels);
    }
}
