package dev.acgbot.gallery;

import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.gallery.rating.RatingClassifier;
import dev.acgbot.gallery.rating.RatingRule;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.runtime.InferenceRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two rating sources at index time: the tagger's rating labels and the REAL nsfwjs MobileNetV2 (committed in
 * models/nsfwjs) on the 24 real images of its parity fixture (openclipart drawings and GNOME wallpapers, all
 * safe). The stricter rating wins; either source works alone; adding the classifier later re-rates on the next
 * incremental reindex.
 */
class RatingSourcesTest {
    static final Path NSFWJS = Path.of("../../models/nsfwjs");
    static final String CLASSIFIER = "nsfwjs-mobilenet-v2";
    static final String TRUCHET = "21-wallpaper-truchet-l.png";
    /** Low thresholds, so that the real model's one false alarm on this fixture (0.22 Porn on a tile pattern) shows. */
    static final RatingClassifier TOUCHY = new RatingClassifier(CLASSIFIER, 0.2f, 0.2f, 0.9f);

    @TempDir
    static Path models;
    static InferenceRuntime runtime;
    static Inference both;
    static Path pictures;
    static final Map<String, String> shaByName = new LinkedHashMap<>();

    @BeforeAll
    static void setUp(@TempDir Path tmp) throws Exception {
        runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(NSFWJS).modelDir(models).device("cpu")
                .intraOpThreads(2).maxWait(Duration.ofMillis(5)).build();
        both = new TaggerAndClassifier(new FakeInference(), runtime);
        pictures = tmp.resolve("pictures");
        Files.createDirectories(pictures);
        try (Stream<Path> files = Files.list(NSFWJS.resolve("fixture/images"))) {
            for (Path f : files.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                Files.write(pictures.resolve(f.getFileName()), bytes);
                shaByName.put(f.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static GalleryOptions.Builder options(Path data) {
        return GalleryOptions.builder().dataDir(data).folders(List.of(pictures)).batchSize(8).decodeThreads(2);
    }

    private static Map<String, ContentRating> ratings(Gallery g) {
        Map<String, ContentRating> out = new LinkedHashMap<>();
        shaByName.forEach((name, sha) -> out.put(name, g.entry(sha).orElseThrow().rating()));
        return out;
    }

    private static Map<ContentRating, Integer> counts(Map<String, ContentRating> ratings) {
        Map<ContentRating, Integer> counts = new EnumMap<>(ContentRating.class);
        for (ContentRating r : ContentRating.values()) {
            counts.put(r, 0);
        }
        ratings.values().forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }

    private static ReindexSummary reindex(Gallery g) {
        return g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
    }

    @Test
    void theRealClassifierAloneRatesEveryImageSafeWithTheDefaultThresholds(@TempDir Path data) {
        RatingClassifier defaults = new RatingClassifier(CLASSIFIER, 0.5f, 0.5f, 0.8f);
        try (Gallery g = Gallery.open(options(data).classifier(Optional.of(defaults)).build(), runtime)) {
            assertEquals(24, reindex(g).added());
            Map<String, ContentRating> ratings = ratings(g);
            assertEquals(24, ratings.values().stream().filter(r -> r == ContentRating.SAFE).count(), ratings.toString());
            assertEquals(counts(ratings), g.stats().ratings());
            assertEquals(CLASSIFIER, g.entry(shaByName.get(TRUCHET)).orElseThrow().classifierModel());
        }
    }

    @Test
    void theRealClassifierAloneRaisesOnlyTheTilePatternWithLowThresholds(@TempDir Path data) {
        try (Gallery g = Gallery.open(options(data).classifier(Optional.of(TOUCHY)).build(), runtime)) {
            reindex(g);
            Map<String, ContentRating> ratings = ratings(g);
            Map<String, ContentRating> expected = new LinkedHashMap<>();
            shaByName.keySet().forEach(n -> expected.put(n, n.equals(TRUCHET) ? ContentRating.QUESTIONABLE : ContentRating.SAFE));
            assertEquals(expected, ratings);
            assertEquals(Map.of(ContentRating.UNRATED, 0, ContentRating.SAFE, 23, ContentRating.SENSITIVE, 0,
                    ContentRating.QUESTIONABLE, 1, ContentRating.EXPLICIT, 0), g.stats().ratings());
        }
    }

    @Test
    void addingTheClassifierToATaggedGalleryReratesWithTheStricterOfBoth(@TempDir Path data) throws Exception {
        GalleryOptions.Builder tagged = options(data).taggerModel(Optional.of(FakeInference.TAGGER)).ratingRule(RatingRule.defaults());
        Map<String, ContentRating> byTagger;
        try (Gallery g = Gallery.open(tagged.build(), both)) {
            reindex(g);
            byTagger = ratings(g);
        }
        // the fake tagger rates red-dominant pictures explicit (openclipart's apples are), the others safe
        assertEquals(new java.util.HashSet<>(List.of(ContentRating.SAFE, ContentRating.EXPLICIT)), new java.util.HashSet<>(byTagger.values()));
        try (Gallery g = Gallery.open(tagged.classifier(Optional.of(TOUCHY)).build(), both)) {
            ReindexSummary summary = reindex(g);
            assertEquals(24, summary.updated(), "every entry lacks the classifier's rating");
            Map<String, ContentRating> expected = new LinkedHashMap<>(byTagger);
            expected.merge(TRUCHET, ContentRating.QUESTIONABLE, ContentRating::stricter);
            assertEquals(expected, ratings(g));
            assertEquals(0, reindex(g).updated(), "complete entries are not rated again");
        }
    }

    /** The fake tagger next to the real classifier, each answering for its own model id. */
    private record TaggerAndClassifier(FakeInference tagger, InferenceRuntime real) implements Inference {
        @Override
        public List<ModelInfo> models() {
            List<ModelInfo> all = new ArrayList<>(tagger.models());
            all.addAll(real.models());
            return all;
        }

        @Override
        public Optional<ModelInfo> model(String id) {
            return models().stream().filter(m -> m.id().equals(id)).findFirst();
        }

        @Override
        public List<TagResult> tag(String modelId, List<DecodedImage> images) {
            return modelId.equals(FakeInference.TAGGER) ? tagger.tag(modelId, images) : real.tag(modelId, images);
        }

        @Override
        public List<float[]> embedImages(String modelId, List<DecodedImage> images) {
            return real.embedImages(modelId, images);
        }

        @Override
        public TextEmbedding embedText(String modelId, String text) {
            throw new UnsupportedOperationException(modelId);
        }

        @Override
        public void close() {
        }
    }
}
