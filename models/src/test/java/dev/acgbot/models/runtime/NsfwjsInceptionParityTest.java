package dev.acgbot.models.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * nsfwjs's REAL InceptionV3 (299x299), converted by the same committed command as the MobileNetV2 but NOT committed
 * (22.6 MB): runs when {@code -Dnsfwjs.inception=PATH} (or {@code NSFWJS_INCEPTION_ONNX}) names the converted file
 * (models/nsfwjs/nsfwjs-inception-v3.yaml says how to make it), and is skipped otherwise. The reference is nsfwjs's
 * own InceptionV3 on TF.js's pure-JavaScript backend on the resize fixture's 23 real images
 * (fixture-resized/reference-InceptionV3.json), so its 299 resize is part of what is compared.
 */
class NsfwjsInceptionParityTest {
    static final double TOLERANCE = 1e-4;

    @Test
    void probabilitiesAndFeaturesEqualNsfwjsInceptionV3(@TempDir Path models) throws Exception {
        String given = System.getProperty("nsfwjs.inception", System.getenv("NSFWJS_INCEPTION_ONNX"));
        assumeTrue(given != null && Files.isRegularFile(Path.of(given)), "converted InceptionV3 not given (-Dnsfwjs.inception=PATH)");
        Path placed = Files.createDirectories(models.resolve("nsfwjs-inception-v3")).resolve("model.onnx");
        Files.createSymbolicLink(placed, Path.of(given).toAbsolutePath());
        Path fixture = NsfwjsParityTest.DIR.resolve("fixture-resized");
        JsonNode reference = new ObjectMapper().readTree(fixture.resolve("reference-InceptionV3.json").toFile());
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        List<String> names = new ArrayList<>();
        reference.get("images").fieldNames().forEachRemaining(names::add);
        List<DecodedImage> images = new ArrayList<>();
        for (String name : names) {
            images.add(decoder.decode(Files.readAllBytes(fixture.resolve("images").resolve(name))));
        }
        try (InferenceRuntime runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(NsfwjsParityTest.DIR)
                .modelDir(models).device("cpu").intraOpThreads(2).maxWait(Duration.ofMillis(20)).build()) {
            List<TagResult> results = runtime.tag("nsfwjs-inception-v3", images);
            double worst = 0;
            for (int i = 0; i < names.size(); i++) {
                JsonNode expected = reference.get("images").get(names.get(i));
                for (int c = 0; c < 5; c++) {
                    double got = results.get(i).scores().get(c).score();
                    worst = Math.max(worst, Math.abs(got - expected.get(c).asDouble()));
                    assertEquals(expected.get(c).asDouble(), got, TOLERANCE, names.get(i) + " class " + c);
                }
            }
            JsonNode features = reference.get("features");
            List<String> featured = new ArrayList<>();
            features.fieldNames().forEachRemaining(featured::add);
            List<float[]> vectors = runtime.embedImages("nsfwjs-inception-v3-features",
                    featured.stream().map(n -> images.get(names.indexOf(n))).toList());
            double worstFeature = 0;
            for (int i = 0; i < featured.size(); i++) {
                JsonNode raw = features.get(featured.get(i));
                double norm = 0;
                for (JsonNode v : raw) {
                    norm += v.asDouble() * v.asDouble();
                }
                norm = Math.sqrt(norm);
                assertEquals(2048, raw.size());
                for (int d = 0; d < raw.size(); d++) {
                    double expected = raw.get(d).asDouble() / norm;
                    worstFeature = Math.max(worstFeature, Math.abs(expected - vectors.get(i)[d]));
                    assertEquals(expected, vectors.get(i)[d], TOLERANCE, featured.get(i) + " feature " + d);
                }
            }
            System.out.printf("nsfwjs InceptionV3 parity: %d images x 5 classes, largest difference %.2e; features %d x 2048, %.2e%n",
                    names.size(), worst, featured.size(), worstFeature);
        }
    }
}
