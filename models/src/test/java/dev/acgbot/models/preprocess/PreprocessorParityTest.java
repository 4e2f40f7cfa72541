package dev.acgbot.models.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.image.SourceMode;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped layout against the tensors the reference Python pipelines (PIL + numpy) produced from the
 * same decoded pixels: max abs difference at most 1e-4 per layout per image. The CLIP pipelines resize the
 * image in the mode PIL opened it in (palette NEAREST, LA/RGBA premultiplied), so each case carries that
 * mode, and the real clip-art cases are also decoded from their original files, which proves the decoder
 * reports the mode.
 */
class PreprocessorParityTest {
    private static final Logger log = LoggerFactory.getLogger(PreprocessorParityTest.class);
    private static final double TOLERANCE = 1e-4;

    @TestFactory
    List<DynamicTest> matchesReferencePipelines() {
        JsonNode index = Fixtures.index();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : index.get("cases")) {
            String caseName = c.get("name").asText();
            SourceMode mode = mode(c);
            index.get("layouts").fields().forEachRemaining(layout -> tests.add(DynamicTest.dynamicTest(
                    caseName + " / " + layout.getKey(),
                    () -> checkParity(caseName, layout.getKey(), layout.getValue(),
                            Fixtures.decoded(caseName + ".png").withSource(mode)))));
        }
        return tests;
    }

    /** The original clip-art files (RGBA, LA, P, P with tRNS) through the decoder, then every layout. */
    @TestFactory
    List<DynamicTest> decodedSourceFilesMatchReferencePipelines() {
        JsonNode index = Fixtures.index();
        List<DynamicTest> tests = new ArrayList<>();
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        Set<SourceMode> modes = EnumSet.noneOf(SourceMode.class);
        for (JsonNode c : index.get("cases")) {
            if (!c.has("source")) {
                continue;
            }
            String caseName = c.get("name").asText();
            modes.add(mode(c));
            tests.add(DynamicTest.dynamicTest(caseName + " decodes as " + mode(c), () -> {
                DecodedImage decoded = decode(decoder, c.get("source").asText());
                assertEquals(mode(c), decoded.source(), "PIL opens " + caseName + " as " + c.get("mode").asText());
                assertEquals(c.get("transparency").asBoolean(), decoded.hasAlpha(), caseName + " alpha");
                index.get("layouts").fields().forEachRemaining(layout ->
                        checkParity(caseName, layout.getKey(), layout.getValue(), decoded));
            }));
        }
        assertEquals(EnumSet.of(SourceMode.RGBA, SourceMode.LA, SourceMode.P), modes, "source files cover RGBA, LA, P");
        return tests;
    }

    private static DecodedImage decode(ImageDecoder decoder, String fixture) throws ImageDecodeException {
        try (var in = Fixtures.resource(fixture)) {
            return decoder.decode(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static SourceMode mode(JsonNode c) {
        return switch (c.get("mode").asText()) {
            case "P" -> SourceMode.P;
            case "LA" -> SourceMode.LA;
            case "RGBA" -> SourceMode.RGBA;
            case "L" -> SourceMode.L;
            case "1" -> SourceMode.BILEVEL;
            case "RGB" -> SourceMode.RGB;
            default -> throw new IllegalArgumentException("unexpected PIL mode " + c.get("mode"));
        };
    }

    static void checkParity(String caseName, String layoutName, JsonNode layout, DecodedImage input) {
        checkParity(caseName, layoutName, layout, input, Fixtures::samples);
    }

    static void checkParity(String caseName, String layoutName, JsonNode layout, DecodedImage input,
                            java.util.function.Function<String, Fixtures.Samples> samples) {
        PreprocessSpec spec = spec(layout);
        float[] expected = referenceTensor(caseName, layoutName, spec, layout.get("lut"), samples);
        float[] actual = Preprocessor.preprocess(input, spec);
        assertEquals(expected.length, actual.length);
        double max = 0;
        int worst = -1;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (d > max) {
                max = d;
                worst = i;
            }
        }
        log.info("parity {} / {}: max abs diff {}", caseName, layoutName, max);
        int at = worst;
        double maxDiff = max;
        assertTrue(max <= TOLERANCE, () -> caseName + " / " + layoutName + ": max abs diff " + maxDiff + " at " + at
                + " (expected " + expected[at] + ", got " + actual[at] + ")");
    }

    static PreprocessSpec spec(JsonNode layout) {
        return new PreprocessSpec(layout.get("width").asInt(), layout.get("height").asInt(),
                PreprocessSpec.ResizeMode.valueOf(layout.get("resize").asText()),
                PreprocessSpec.Interpolation.valueOf(layout.get("interpolation").asText()),
                PreprocessSpec.AlphaMode.valueOf(layout.get("alpha").asText()),
                PreprocessSpec.ColorOrder.valueOf(layout.get("colorOrder").asText()),
                PreprocessSpec.Layout.valueOf(layout.get("layout").asText()),
                (float) layout.get("scale").asDouble(), floats(layout.get("mean")), floats(layout.get("std")));
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    /** Rebuilds the reference float32 tensor from its 8-bit codes (tensor channel order) and the layout's table. */
    private static float[] referenceTensor(String caseName, String layoutName, PreprocessSpec spec, JsonNode lut,
                                           java.util.function.Function<String, Fixtures.Samples> samples) {
        Fixtures.Samples codes = samples.apply(caseName + "." + layoutName + ".codes.png");
        assertEquals(spec.width(), codes.width());
        assertEquals(spec.height(), codes.height());
        float[][] table = new float[3][];
        for (int c = 0; c < 3; c++) {
            table[c] = floats(lut.get(c));
        }
        int pixels = spec.width() * spec.height();
        float[] tensor = new float[3 * pixels];
        for (int i = 0; i < pixels; i++) {
            for (int c = 0; c < 3; c++) {
                float v = table[c][codes.values()[i * 3 + c]];
                if (spec.layout() == PreprocessSpec.Layout.NCHW) {
                    tensor[c * pixels + i] = v;
                } else {
                    tensor[i * 3 + c] = v;
                }
            }
        }
        return tensor;
    }
}
