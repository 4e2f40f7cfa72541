package dev.acgbot.models.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REAL nsfwjs MobileNetV2, converted to ONNX (models/scripts/nsfwjs), through the Java pipeline (decoder,
 * preprocessing from the manifest, ONNX Runtime) against nsfwjs itself: reference.json holds nsfwjs 4.4.0's
 * probabilities from TF.js's pure-JavaScript CPU backend on the same 24 real images (openclipart clip-art and
 * GNOME wallpapers, 224x224 PNG; make_fixture.py).
 */
class NsfwjsParityTest {
    static final Path DIR = Path.of("nsfwjs");
    static final Path FIXTURE = DIR.resolve("fixture");
    static final double TOLERANCE = 1e-4;

    @TempDir
    static Path models;
    static InferenceRuntime runtime;
    static JsonNode reference;
    static List<String> names = new ArrayList<>();
    static List<TagResult> results;

    @BeforeAll
    static void runAll() throws Exception {
        reference = new ObjectMapper().readTree(FIXTURE.resolve("reference.json").toFile());
        runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(DIR).modelDir(models).device("cpu")
                .intraOpThreads(2).maxWait(Duration.ofMillis(20)).build();
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        List<DecodedImage> images = new ArrayList<>();
        for (Iterator<String> it = reference.get("images").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            names.add(name);
            images.add(decoder.decode(Files.readAllBytes(FIXTURE.resolve("images").resolve(name))));
        }
        results = runtime.tag("nsfwjs-mobilenet-v2", images);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void probabilitiesEqualNsfwjsOnTwentyFourRealImages() {
        assertTrue(names.size() >= 20, names.toString());
        List<String> classes = new ArrayList<>();
        reference.get("classes").forEach(c -> classes.add(c.asText()));
        assertEquals(List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy"), classes);
        double worst = 0;
        for (int i = 0; i < names.size(); i++) {
            List<TagScore> scores = results.get(i).scores();
            JsonNode expected = reference.get("images").get(names.get(i));
            assertEquals(classes, scores.stream().map(TagScore::name).toList());
            for (int c = 0; c < classes.size(); c++) {
                double diff = Math.abs(scores.get(c).score() - expected.get(c).asDouble());
                worst = Math.max(worst, diff);
                assertEquals(expected.get(c).asDouble(), scores.get(c).score(), TOLERANCE, names.get(i) + " " + classes.get(c));
            }
        }
        System.out.printf("nsfwjs parity: %d images x 5 classes, largest difference %.2e%n", names.size(), worst);
    }

    @Test
    void knownAnswersOnSafeClipArtAndWallpapers() {
        // What the real model says on these real, safe images (measured, not wished for). Clip-art is NOT reliably
        // "Drawing" for this model: 13 of the 18 openclipart drawings come out Neutral (nsfwjs's Drawing class was
        // trained on illustrations and anime; openclipart is mostly flat vector icons). And one GNOME wallpaper, a
        // truchet tile pattern, gets 0.22 Porn: a false positive that a safety rule must not act on alone.
        int drawings = 0;
        List<String> notMostlySafe = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Map<String, Float> p = new java.util.HashMap<>();
            results.get(i).scores().forEach(s -> p.put(s.name(), s.score()));
            if (p.get("Drawing") + p.get("Neutral") < 0.9f) {
                notMostlySafe.add(names.get(i));
                assertEquals(0.22, p.get("Porn"), 0.01, names.get(i));
            }
            String top = p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (top.equals("Drawing")) {
                drawings++;
            }
        }
        assertEquals(List.of("21-wallpaper-truchet-l.png"), notMostlySafe);
        assertEquals(7, drawings, "images whose top class is Drawing");
        Map<String, String> tops = Map.of("07-clipart-a_boy_plays_soccer_01.png", "Drawing",
                "18-wallpaper-adwaita-l.png", "Drawing", "16-clipart-antenna.png", "Neutral",
                "22-wallpaper-licorice-d.png", "Neutral");
        tops.forEach((name, top) -> {
            List<TagScore> s = results.get(names.indexOf(name)).scores();
            assertEquals(top, s.stream().max((a, b) -> Float.compare(a.score(), b.score())).orElseThrow().name(), name);
        });
    }
}
