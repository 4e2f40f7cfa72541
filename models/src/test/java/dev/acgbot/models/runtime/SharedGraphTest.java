package dev.acgbot.models.runtime;

import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.runtime.internal.SharedGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The REAL nsfwjs MobileNetV2 read by two manifests, its classifier and its global-pool features (one ONNX file):
 * one session answers both, and a picture the gallery indexer asks both for (embedding, then rating, the same pixels)
 * runs the graph once.
 */
class SharedGraphTest {
    private static final Path DIR = Path.of("nsfwjs");
    private static final String CLASSIFIER = "nsfwjs-mobilenet-v2";
    private static final String FEATURES = "nsfwjs-mobilenet-v2-features";

    @TempDir
    static Path models;
    static InferenceRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(DIR).modelDir(models).device("cpu")
                .intraOpThreads(1).maxWait(Duration.ofMillis(5)).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theManifestsOfOneGraphFileAndInputAreGroupedAndNoOthers() {
        Set<Set<String>> groups = SharedGraph.groups(ManifestRegistry.readDirectory(DIR)).stream()
                .map(g -> g.stream().map(ModelManifest::id).collect(Collectors.toSet())).collect(Collectors.toSet());
        assertEquals(Set.of(Set.of(CLASSIFIER, FEATURES),
                Set.of("nsfwjs-mobilenet-v2-mid", "nsfwjs-mobilenet-v2-mid-features"),
                Set.of("nsfwjs-inception-v3", "nsfwjs-inception-v3-features")), groups);
    }

    @Test
    void aPictureAskedForItsEmbeddingAndThenItsRatingRunsTheGraphOnce() throws Exception {
        List<DecodedImage> first = pictures();
        List<DecodedImage> second = pictures();
        long before = runtime.stats(CLASSIFIER).requests();
        runtime.embedImages(FEATURES, first);
        runtime.tag(CLASSIFIER, first); // the classifier was never asked before: its rows were not kept
        runtime.embedImages(FEATURES, second);
        List<TagResult> kept = runtime.tag(CLASSIFIER, second);
        assertEquals(3L * first.size(), runtime.stats(CLASSIFIER).requests() - before);
        assertEquals(runtime.stats(CLASSIFIER), runtime.stats(FEATURES));

        List<TagResult> ranAgain = runtime.tag(CLASSIFIER, pictures()); // decoded again: run again
        assertEquals(4L * first.size(), runtime.stats(CLASSIFIER).requests() - before);
        for (int i = 0; i < kept.size(); i++) {
            assertArrayEquals(scores(ranAgain.get(i)), scores(kept.get(i)), 1e-5f);
        }
    }

    @Test
    void theFeaturesOfOneRunEqualTheFeaturesOfTheirOwnRun() throws Exception {
        List<DecodedImage> pictures = pictures();
        List<float[]> features = runtime.embedImages(FEATURES, pictures);
        runtime.tag(CLASSIFIER, pictures);
        List<float[]> again = runtime.embedImages(FEATURES, pictures); // kept from the classifier's run
        for (int i = 0; i < pictures.size(); i++) {
            assertArrayEquals(features.get(i), again.get(i), 1e-5f);
            assertEquals(1280, again.get(i).length);
        }
        assertEquals(runtime.model(CLASSIFIER).orElseThrow().device(), runtime.model(FEATURES).orElseThrow().device());
    }

    private static List<DecodedImage> pictures() throws Exception {
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        List<DecodedImage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR.resolve("fixture").resolve("images")).sorted().limit(4)) {
            for (Path f : files.toList()) {
                out.add(decoder.decode(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static float[] scores(TagResult r) {
        float[] s = new float[r.scores().size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.scores().get(i).score();
        }
        return s;
    }
}
