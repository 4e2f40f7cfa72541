package dev.acgbot.models.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REAL nsfwjs MobileNetV2 on real images of OTHER sizes than its 224x224 input (openclipart PNGs with alpha,
 * palette and grey-alpha from 80 to 1333 pixels wide, WebP lossy, lossless with alpha, a JPEG): nsfwjs resizes them
 * with TF.js's resizeBilinear(alignCorners=true) on pixel / 255, and the Java pipeline (decoder, manifest
 * preprocessing {@code tf-bilinear-align-corners}, ONNX Runtime) must give nsfwjs's own probabilities, and its
 * global-pool features through the image-embedding manifest. Reference: fixture-resized/reference.json, written by
 * models/scripts/nsfwjs/make_resized_fixture.py with nsfwjs 4.4.0 on TF.js's pure-JavaScript CPU backend.
 */
class NsfwjsResizeParityTest {
    static final Path FIXTURE = NsfwjsParityTest.DIR.resolve("fixture-resized");
    static final double TOLERANCE = 1e-4;

    @TempDir
    static Path models;
    static InferenceRuntime runtime;
    static JsonNode reference;
    static final Map<String, DecodedImage> images = new TreeMap<>();

    @BeforeAll
    static void load() throws Exception {
        reference = new ObjectMapper().readTree(FIXTURE.resolve("reference.json").toFile());
        runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(NsfwjsParityTest.DIR).modelDir(models)
                .device("cpu").intraOpThreads(2).maxWait(Duration.ofMillis(20)).build();
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        for (Iterator<String> it = reference.get("images").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            images.put(name, decoder.decode(Files.readAllBytes(FIXTURE.resolve("images").resolve(name))));
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void probabilitiesEqualNsfwjsOnImagesNsfwjsResizes() {
        List<String> names = new ArrayList<>(images.keySet());
        assertTrue(names.size() >= 20, names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith(".webp")) && names.stream().anyMatch(n -> n.endsWith(".jpg")));
        assertTrue(images.values().stream().filter(DecodedImage::hasAlpha).count() >= 10, "transparent PNGs and WebP");
        assertTrue(images.values().stream().noneMatch(i -> i.width() == 224 && i.height() == 224), "every image is resized");
        List<TagResult> results = runtime.tag("nsfwjs-mobilenet-v2", new ArrayList<>(images.values()));
        double worst = 0;
        for (int i = 0; i < names.size(); i++) {
            JsonNode expected = reference.get("images").get(names.get(i));
            for (int c = 0; c < 5; c++) {
                double got = results.get(i).scores().get(c).score();
                worst = Math.max(worst, Math.abs(got - expected.get(c).asDouble()));
                assertEquals(expected.get(c).asDouble(), got, TOLERANCE, names.get(i) + " class " + c);
            }
        }
        System.out.printf("nsfwjs resize parity: %d images of other sizes x 5 classes, largest difference %.2e%n",
                names.size(), worst);
    }

    @Test
    void globalPoolFeaturesEqualNsfwjsEndpoint() {
        JsonNode features = reference.get("features");
        List<String> names = new ArrayList<>();
        features.fieldNames().forEachRemaining(names::add);
        assertTrue(names.size() >= 7, names.toString());
        List<float[]> got = runtime.embedImages("nsfwjs-mobilenet-v2-features", names.stream().map(images::get).toList());
        double worst = 0;
        for (int i = 0; i < names.size(); i++) {
            JsonNode raw = features.get(names.get(i));
            assertEquals(1280, raw.size());
            double norm = 0;
            for (JsonNode v : raw) {
                norm += v.asDouble() * v.asDouble();
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < 1280; d++) {
                double expected = raw.get(d).asDouble() / norm;
                worst = Math.max(worst, Math.abs(expected - got.get(i)[d]));
                assertEquals(expected, got.get(i)[d], TOLERANCE, names.get(i) + " feature " + d);
            }
        }
        System.out.printf("nsfwjs features parity: %d images x 1280, largest difference %.2e (L2-normalised)%n",
                names.size(), worst);
    }
}
