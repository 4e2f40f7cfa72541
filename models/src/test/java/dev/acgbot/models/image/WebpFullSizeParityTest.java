package dev.acgbot.models.image;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full-size (1920x1080) WebP files, lossy, lossless, lossy with alpha and animated (first frame offset on
 * its canvas), decoded exactly as PIL decodes them. PIL's pixels are stored compactly: the SHA-256 of its
 * RGB/RGBA bytes proves the whole image identical; five exact 128x128 crops (corners and centre, where a
 * drifting decoder shows most) say by how much it is off when it is not. Before libwebp the bottom-right
 * of a lossy wallpaper was up to 56 levels off.
 */
class WebpFullSizeParityTest {
    private static final Logger log = LoggerFactory.getLogger(WebpFullSizeParityTest.class);

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    @TestFactory
    List<DynamicTest> decodesFullSizeWebpBitForBitLikePil() {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode entries = PilReference.index().get("webpFullSize");
        assertEquals(5, entries.size(), "lossy, lossless, lossy+alpha and two animations");
        for (JsonNode e : entries) {
            tests.add(DynamicTest.dynamicTest(e.get("file").asText(), () -> check(e)));
        }
        return tests;
    }

    private void check(JsonNode e) throws ImageDecodeException {
        String name = e.get("file").asText();
        byte[] file = PilReference.bytes(name);
        DecodedImage ours = decoder.decode(file);
        boolean rgba = e.get("mode").asText().equals("RGBA");
        assertEquals(e.get("width").asInt() + "x" + e.get("height").asInt() + " " + (rgba ? "RGBA" : "RGB"),
                ours.width() + "x" + ours.height() + " " + (ours.hasAlpha() ? "RGBA" : "RGB"), name);
        assertTrue(ours.width() >= 1920 && ours.height() >= 1080, "real-sized fixture");
        assertEquals(e.get("frames").asInt(), decoder.probe(file).frames(), name + " frames");
        int worst = 0;
        for (JsonNode c : e.get("crops")) {
            DecodedImage expected = PilReference.pil(c.get("file").asText());
            DecodedImage crop = crop(ours, c.get("x").asInt(), c.get("y").asInt(), expected.width(), expected.height());
            PilReference.Diff diff = PilReference.Diff.of(expected, crop);
            worst = Math.max(worst, diff.max());
            assertTrue(diff.max() <= 1, name + " crop at " + c.get("x") + "," + c.get("y") + ": " + diff);
        }
        log.info("{}: crops max abs diff {} vs PIL", name, worst);
        assertEquals(e.get("sha256").asText(), sha256(ours, rgba), name + ": not bit-identical to PIL's decoding");
    }

    private static DecodedImage crop(DecodedImage img, int x0, int y0, int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(img.argb(), (y0 + y) * img.width() + x0, out, y * w, w);
        }
        return new DecodedImage(w, h, out, img.hasAlpha());
    }

    /** SHA-256 of the pixels as numpy lays PIL's image out: row-major RGB or RGBA bytes. */
    static String sha256(DecodedImage img, boolean rgba) {
        int channels = rgba ? 4 : 3;
        byte[] bytes = new byte[img.argb().length * channels];
        int o = 0;
        for (int p : img.argb()) {
            bytes[o++] = (byte) (p >>> 16);
            bytes[o++] = (byte) (p >>> 8);
            bytes[o++] = (byte) p;
            if (rgba) {
                bytes[o++] = (byte) (p >>> 24);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
