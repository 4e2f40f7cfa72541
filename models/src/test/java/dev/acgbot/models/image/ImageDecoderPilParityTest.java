package dev.acgbot.models.image;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our decoding of each fixture against PIL's. Lossless formats (PNG in every colour type, lossless WebP,
 * GIF, BMP, animation first frames, EXIF orientation on PNG) must match PIL pixel for pixel. Lossy WebP goes
 * through libwebp as in PIL: at most 1 level off anywhere (measured: 0). JPEG uses a different IDCT and
 * upsampling than PIL's libjpeg, so its mean difference is logged and only loosely bounded.
 */
class ImageDecoderPilParityTest {
    private static final Logger log = LoggerFactory.getLogger(ImageDecoderPilParityTest.class);
    private static final double JPEG_MEAN_BOUND = 3.0;
    private static final int LOSSY_WEBP_MAX = 1;

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    @TestFactory
    List<DynamicTest> decodesLikePil() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : PilReference.index().get("decoderFixtures")) {
            String name = f.asText();
            tests.add(DynamicTest.dynamicTest(name, () -> compare(name)));
        }
        return tests;
    }

    /**
     * The mode PIL opens each fixture in, which decides how the CLIP pipelines resize it. CMYK JPEGs are the
     * one documented exception: converted to RGB while decoding, so they report RGB.
     */
    @TestFactory
    List<DynamicTest> reportsTheModePilOpensEachFileIn() {
        List<DynamicTest> tests = new ArrayList<>();
        PilReference.index().get("decoderModes").fields().forEachRemaining(f -> tests.add(DynamicTest.dynamicTest(
                f.getKey() + " is " + f.getValue().asText(), () -> {
                    SourceMode expected = switch (f.getValue().asText()) {
                        case "1" -> SourceMode.BILEVEL;
                        case "CMYK" -> SourceMode.RGB;
                        default -> SourceMode.valueOf(f.getValue().asText());
                    };
                    assertEquals(expected, decoder.decode(PilReference.bytes(f.getKey())).source());
                })));
        assertTrue(tests.size() >= 40);
        return tests;
    }

    /** Where we deliberately differ from PIL (see the fixture script), against explicitly written pixels. */
    @TestFactory
    List<DynamicTest> decodesDivergentCasesAsDocumented() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : PilReference.index().get("divergentFixtures")) {
            String name = f.asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                DecodedImage ours = decoder.decode(PilReference.bytes(name));
                DecodedImage expected = PilReference.pil(name + ".expected.png");
                assertEquals(expected.width() + "x" + expected.height(), ours.width() + "x" + ours.height());
                assertEquals(0, PilReference.Diff.of(expected, ours).max(), name);
            }));
        }
        return tests;
    }

    private void compare(String name) throws ImageDecodeException {
        DecodedImage ours = decoder.decode(PilReference.bytes(name));
        DecodedImage pil = PilReference.pil(name + ".pil.png");
        assertEquals(pil.width() + "x" + pil.height(), ours.width() + "x" + ours.height(), name + " size");
        assertEquals(pil.hasAlpha(), ours.hasAlpha(), name + " alpha");
        PilReference.Diff diff = PilReference.Diff.of(pil, ours);
        boolean jpeg = name.endsWith(".jpg");
        boolean lossyWebp = name.equals("photo-lossy.webp") || name.equals("art-lossy-alpha.webp");
        log.info("decoder vs PIL {}: mean abs diff {}, max {}, {} of {} pixels differ; visible pixels only: mean {}, max {}",
                name, String.format("%.3f", diff.mean()), diff.max(), diff.differing(), ours.argb().length,
                String.format("%.3f", diff.visibleMean()), diff.visibleMax());
        if (jpeg) {
            assertTrue(diff.mean() < JPEG_MEAN_BOUND, name + " mean abs diff " + diff.mean());
        } else if (lossyWebp) {
            assertTrue(diff.max() <= LOSSY_WEBP_MAX, name + " must decode like PIL's libwebp: " + diff);
        } else {
            assertEquals(0, diff.max(), name + " must decode exactly like PIL: " + diff);
        }
    }
}
