package dev.acgbot.models.image;

import dev.acgbot.models.preprocess.ImageOps;
import com.fasterxml.jackson.databind.JsonNode;
import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/** {@link ImageOps} against PIL: resize with every filter on RGB and RGBA, and convert('L'), pixel for pixel. */
class ImageOpsPilParityTest {

    @TestFactory
    List<DynamicTest> matchesPil() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode op : PilReference.index().get("opsFixtures")) {
            String file = op.get("file").asText();
            tests.add(DynamicTest.dynamicTest(file, () -> check(op)));
        }
        return tests;
    }

    private static void check(JsonNode op) {
        DecodedImage input = PilReference.pil(op.get("input").asText());
        DecodedImage expected = PilReference.pil(op.get("file").asText());
        String filter = op.get("filter").asText();
        if (filter.equals("GRAY")) {
            float[] gray = ImageOps.toGray(input);
            int[] e = expected.argb();
            for (int i = 0; i < gray.length; i++) {
                assertEquals(e[i] & 0xFF, gray[i], 0.0, "pixel " + i);
            }
            return;
        }
        DecodedImage actual = ImageOps.resize(input, op.get("width").asInt(), op.get("height").asInt(),
                Interpolation.valueOf(filter));
        assertEquals(expected.width(), actual.width());
        assertEquals(expected.height(), actual.height());
        assertEquals(input.hasAlpha(), actual.hasAlpha());
        assertEquals(0, PilReference.Diff.of(expected, actual).max(), op.get("file").asText());
    }

    @Test
    void sameSizeIsAnUnchangedCopy() {
        DecodedImage input = PilReference.pil("art-rgba.png.pil.png");
        DecodedImage copy = ImageOps.resize(input, input.width(), input.height(), Interpolation.BICUBIC);
        assertNotSame(input.argb(), copy.argb());
        assertArrayEquals(input.argb(), copy.argb());
    }

    @Test
    void pngRoundTripsThroughTheDecoder() throws ImageDecodeException {
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        for (String name : new String[]{"art-rgba.png.pil.png", "photo-420.jpg.pil.png"}) {
            DecodedImage original = PilReference.pil(name);
            DecodedImage back = decoder.decode(ImageOps.encodePng(original));
            assertEquals(original.hasAlpha(), back.hasAlpha());
            assertArrayEquals(original.argb(), back.argb(), name);
        }
    }
}
