package dev.acgbot.gallery;

import dev.acgbot.gallery.rating.RatingClassifier;
import dev.acgbot.gallery.rating.RatingRule;
import dev.acgbot.gallery.search.GraphParams;
import dev.acgbot.models.image.DecodeLimits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link Gallery} is configured with.
 *
 * @param dataDir              where the store ({@code gallery.db}) and persisted graphs live
 * @param folders              image folders, scanned recursively
 * @param clipModels           CLIP image-tower model ids; each image gets one embedding per id
 * @param taggerModel          tagger model id, if images should be tagged
 * @param decodeLimits         larger files or images are counted as failed, not decoded
 * @param tagThreshold         tags scoring below are not stored
 * @param indexMode            exact, graph, or chosen by size
 * @param approximateThreshold image count from which {@link IndexMode#AUTO} uses the graph
 * @param graphParams          graph settings
 * @param encoding             stored embedding encoding
 * @param batchSize            images per inference batch and per commit
 * @param decodeThreads        threads reading, hashing and decoding files
 * @param searchThreads        threads one search may use: row ranges of an exact search, the independent pieces of a
 *                             duplicate lookup (the calling thread is one of them)
 * @param storeMmap            memory-map the store file (faster commits and start-up, see docs/benchmarks.md);
 *                             false falls back to FileChannel I/O
 * @param rerankDepth          candidates per search re-ranked with the store's full-precision vectors (the
 *                             vectors in memory are int8 or 4-bit); 0 lets the gallery choose
 * @param vectorPrecision      how vectors are held in memory: int8, 4-bit, or chosen by gallery size
 * @param ratingRule           how the tagger's rating labels become each entry's {@link dev.acgbot.gallery.rating.ContentRating}
 * @param classifier           a second rating source (nsfwjs), if configured and installed; the stricter rating wins
 * @param rerankFromFile       re-rank from {@code vectors/<model>.f16v}, the store's fp16 vectors memory-mapped (an
 *                             fp16 store only; 1 KB per image on disk, not heap); false reads every candidate from the
 *                             store, about 120x slower per candidate (docs/benchmarks.md)
 */
public record GalleryOptions(Path dataDir, List<Path> folders, List<String> clipModels, Optional<String> taggerModel,
                             DecodeLimits decodeLimits, float tagThreshold, IndexMode indexMode,
                             int approximateThreshold, GraphParams graphParams, EmbeddingEncoding encoding,
                             int batchSize, int decodeThreads, int searchThreads, boolean storeMmap,
                             int rerankDepth, VectorPrecision vectorPrecision, RatingRule ratingRule,
                             Optional<RatingClassifier> classifier, boolean rerankFromFile) {
    public GalleryOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        folders = folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        clipModels = List.copyOf(clipModels);
        Objects.requireNonNull(taggerModel, "taggerModel");
        Objects.requireNonNull(decodeLimits, "decodeLimits");
        Objects.requireNonNull(ratingRule, "ratingRule");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(vectorPrecision, "vectorPrecision");
        if (batchSize < 1 || decodeThreads < 1 || searchThreads < 1) {
            throw new IllegalArgumentException("batch size and thread counts must be positive");
        }
        if (rerankDepth < 0) {
            throw new IllegalArgumentException("re-rank depth must be 0 (chosen by the gallery) or positive");
        }
    }

    /** The re-rank depth in force over int8 rows: the setting, or the gallery's own choice when it is 0. */
    public int effectiveRerankDepth() {
        return effectiveRerankDepth(dev.acgbot.gallery.search.RowFormat.INT8);
    }

    /** The re-rank depth in force over rows held in {@code format}: the setting, or the measured default of that format. */
    public int effectiveRerankDepth(dev.acgbot.gallery.search.RowFormat format) {
        if (rerankDepth > 0) {
            return rerankDepth;
        }
        return format == dev.acgbot.gallery.search.RowFormat.INT4 ? dev.acgbot.gallery.search.VectorIndexes.DEFAULT_INT4_RERANK_DEPTH
                : dev.acgbot.gallery.search.VectorIndexes.DEFAULT_RERANK_DEPTH;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private static final int CORES = Runtime.getRuntime().availableProcessors();
        private Path dataDir;
        private List<Path> folders = new ArrayList<>();
        private List<String> clipModels = new ArrayList<>();
        private Optional<String> taggerModel = Optional.empty();
        private DecodeLimits decodeLimits = DecodeLimits.defaults();
        private float tagThreshold = 0.1f;
        private IndexMode indexMode = IndexMode.AUTO;
        // below this an exact scan takes a few milliseconds on two cores (see docs/benchmarks.md)
        private int approximateThreshold = 50_000;
        private GraphParams graphParams = GraphParams.defaults();
        private EmbeddingEncoding encoding = EmbeddingEncoding.FP16;
        private int batchSize = 32;
        private int decodeThreads = Math.max(1, CORES);
        private int searchThreads = Math.max(1, CORES);
        private boolean storeMmap = true;
        private int rerankDepth = 0;
        private VectorPrecision vectorPrecision = VectorPrecision.AUTO;
        private RatingRule ratingRule = RatingRule.defaults();
        private Optional<RatingClassifier> classifier = Optional.empty();
        private boolean rerankFromFile = true;

        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder folders(List<Path> v) { folders = new ArrayList<>(v); return this; }
        public Builder clipModels(List<String> v) { clipModels = new ArrayList<>(v); return this; }
        public Builder taggerModel(Optional<String> v) { taggerModel = v; return this; }
        public Builder decodeLimits(DecodeLimits v) { decodeLimits = v; return this; }
        public Builder tagThreshold(float v) { tagThreshold = v; return this; }
        public Builder indexMode(IndexMode v) { indexMode = v; return this; }
        public Builder approximateThreshold(int v) { approximateThreshold = v; return this; }
        public Builder graphParams(GraphParams v) { graphParams = v; return this; }
        public Builder encoding(EmbeddingEncoding v) { encoding = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder decodeThreads(int v) { decodeThreads = v; return this; }
        public Builder searchThreads(int v) { searchThreads = v; return this; }
        public Builder storeMmap(boolean v) { storeMmap = v; return this; }
        public Builder rerankDepth(int v) { rerankDepth = v; return this; }
        public Builder vectorPrecision(VectorPrecision v) { vectorPrecision = v; return this; }
        public Builder ratingRule(RatingRule v) { ratingRule = v; return this; }
        public Builder classifier(Optional<RatingClassifier> v) { classifier = v; return this; }
        public Builder rerankFromFile(boolean v) { rerankFromFile = v; return this; }

        public GalleryOptions build() {
            return new GalleryOptions(dataDir, folders, clipModels, taggerModel, decodeLimits, tagThreshold, indexMode, approximateThreshold, graphParams, encoding, batchSize, decodeThreads,
                    searchThreads, storeMmap, rerankDepth, vectorPrecision, ratingRule, classifier, rerankFromFile);
        }
    }
}
