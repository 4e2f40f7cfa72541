package dev.acgbot.models.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parity of a converted nsfwjs model that is NOT committed (given by a system property or an environment variable)
 * with nsfwjs itself on the resize fixture's 23 real images: its probabilities and, for the images the reference
 * records them for, its L2-normalised global-pool features, each within {@link #TOLERANCE}. Skipped when not given.
 */
record ConvertedNsfwjsParity(String property, String envVar, String id, String reference, int featureDim) {
    static final double TOLERANCE = 1e-4;

    void assertEqualsNsfwjs(Path models) throws Exception {
        String given = System.getProperty(property, System.getenv(envVar));
        assumeTrue(given != null && Files.isRegularFile(Path.of(given)), id + " not given (-D" + property + "=PATH)");
        Path placed = Files.createDirectories(models.resolve(id)).resolve("model.onnx");
        Files.createSymbolicLink(placed, Path.of(given).toAbsolutePath());
        Path fixture = NsfwjsParityTest.DIR.resolve("fixture-resized");
        JsonNode expectedAll = new ObjectMapper().readTree(fixture.resolve(reference).toFile());
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        List<String> names = new ArrayList<>();
        expectedAll.get("images").fieldNames().forEachRemaining(names::add);
        List<DecodedImage> images = new ArrayList<>();
        for (String name : names) {
            images.add(decoder.decode(Files.readAllBytes(fixture.resolve("images").resolve(name))));
        }
        try (InferenceRuntime runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(NsfwjsParityTest.DIR)
                .modelDir(models).device("cpu").intraOpThreads(2).maxWait(Duration.ofMillis(20)).build()) {
            List<TagResult> results = runtime.tag(id, images);
            double worst = 0;
            for (int i = 0; i < names.size(); i++) {
                JsonNode expected = expectedAll.get("images").get(names.get(i));
                for (int c = 0; c < 5; c++) {
                    double got = results.get(i).scores().get(c).score();
                    worst = Math.max(worst, Math.abs(got - expected.get(c).asDouble()));
                    assertEquals(expected.get(c).asDouble(), got, TOLERANCE, names.get(i) + " class " + c);
                }
            }
            JsonNode features = expectedAll.get("features");
            List<String> featured = new ArrayList<>();
            features.fieldNames().forEachRemaining(featured::add);
            List<float[]> vectors = runtime.embedImages(id + "-features",
                    featured.stream().map(n -> images.get(names.indexOf(n))).toList());
            double worstFeature = 0;
            for (int i = 0; i < featured.size(); i++) {
                JsonNode raw = features.get(featured.get(i));
                double norm = 0;
                for (JsonNode v : raw) {
                    norm += v.asDouble() * v.asDouble();
                }
                norm = Math.sqrt(norm);
                assertEquals(featureDim, raw.size());
                for (int d = 0; d < raw.size(); d++) {
                    double expected = raw.get(d).asDouble() / norm;
                    worstFeature = Math.max(worstFeature, Math.abs(expected - vectors.get(i)[d]));
                    assertEquals(expected, vectors.get(i)[d], TOLERANCE, featured.get(i) + " feature " + d);
                }
            }
            System.out.printf("%s parity: %d images x 5 classes, largest difference %.2e; features %d x %d, %.2e%n",
                    id, names.size(), worst, featured.size(), featureDim, worstFeature);
        }
    }
}
