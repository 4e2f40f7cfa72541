package dev.acgbot.bench.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.preprocess.PreprocessSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The benchmarks measure the very layouts the models module's parity fixtures prove (its
 * PreprocessorParityTest compares every one against the reference Python pipelines).
 */
class PreprocessLayoutsTest {
    private static final Path FIXTURES = Path.of(System.getProperty("acgbot.root", ".."))
            .resolve("models/src/test/resources/preprocess/index.json");

    @Test
    void benchLayoutsAreTheTestedLayouts() throws Exception {
        JsonNode layouts = new ObjectMapper().readTree(FIXTURES.toFile()).get("layouts");
        List<String> names = new ArrayList<>();
        layouts.fieldNames().forEachRemaining(names::add);
        assertEquals(names, List.copyOf(PreprocessBench.LAYOUTS.keySet()));
        PreprocessBench.LAYOUTS.forEach((name, spec) -> {
            JsonNode t = layouts.get(name);
            assertEquals(t.get("width").asInt(), spec.width(), name);
            assertEquals(t.get("height").asInt(), spec.height(), name);
            assertEquals(PreprocessSpec.ResizeMode.valueOf(t.get("resize").asText()), spec.resize(), name);
            assertEquals(PreprocessSpec.Interpolation.valueOf(t.get("interpolation").asText()), spec.interpolation(), name);
            assertEquals(PreprocessSpec.AlphaMode.valueOf(t.get("alpha").asText()), spec.alpha(), name);
            assertEquals(PreprocessSpec.ColorOrder.valueOf(t.get("colorOrder").asText()), spec.colorOrder(), name);
            assertEquals(PreprocessSpec.Layout.valueOf(t.get("layout").asText()), spec.layout(), name);
            assertEquals((float) t.get("scale").asDouble(), spec.scale(), 1e-9f, name);
            assertArrayEquals(floats(t.get("mean")), spec.mean(), 1e-7f, name);
            assertArrayEquals(floats(t.get("std")), spec.std(), 1e-7f, name);
        });
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
