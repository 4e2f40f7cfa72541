package dev.acgbot.models.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Fixtures written by {@code models/scripts/preprocess/make_fixtures.py}: encoded files in
 * {@code /images/} and PIL's decoding of each ({@code <file>.pil.png}, 8-bit RGB or RGBA). PIL's PNGs are
 * read through the raw raster, not through {@link ImageDecoder}, so they stay an independent reference.
 */
final class PilReference {
    private PilReference() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = PilReference.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + "; run models/scripts/preprocess/make_fixtures.py");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode index() {
        try (InputStream in = PilReference.class.getResourceAsStream("/preprocess/index.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PIL's pixels: RGB PNGs come back opaque with {@code hasAlpha == false}. */
    static DecodedImage pil(String name) {
        try (InputStream in = PilReference.class.getResourceAsStream("/images/" + name)) {
            BufferedImage img = ImageIO.read(in);
            Raster r = img.getRaster();
            int bands = r.getNumBands();
            if (bands != 1 && bands != 3 && bands != 4) {
                throw new IllegalStateException(name + " has " + bands + " bands");
            }
            int w = img.getWidth();
            int h = img.getHeight();
            int[] v = r.getPixels(0, 0, w, h, (int[]) null);
            int[] argb = new int[w * h];
            for (int i = 0; i < argb.length; i++) {
                int o = i * bands;
                int red = v[o];
                int green = bands == 1 ? red : v[o + 1];
                int blue = bands == 1 ? red : v[o + 2];
                int a = bands == 4 ? v[o + 3] : 255;
                argb[i] = a << 24 | red << 16 | green << 8 | blue;
            }
            return new DecodedImage(w, h, argb, bands == 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Mean and max absolute difference over R, G, B (and A where both have it), over all pixels and over the
     * pixels the reference shows at all (alpha above 0): colour under full transparency is invisible.
     */
    record Diff(double mean, int max, int differing, double visibleMean, int visibleMax) {
        static Diff of(DecodedImage expected, DecodedImage actual) {
            long sum = 0;
            int max = 0;
            int differing = 0;
            long visibleSum = 0;
            int visibleMax = 0;
            long visibleValues = 0;
            int[] e = expected.argb();
            int[] a = actual.argb();
            int channels = expected.hasAlpha() && actual.hasAlpha() ? 4 : 3;
            for (int i = 0; i < e.length; i++) {
                boolean diff = false;
                boolean visible = (e[i] >>> 24) != 0;
                for (int c = 0; c < channels; c++) {
                    int shift = c == 3 ? 24 : 16 - 8 * c;
                    int d = Math.abs(((e[i] >>> shift) & 0xFF) - ((a[i] >>> shift) & 0xFF));
                    sum += d;
                    max = Math.max(max, d);
                    diff |= d != 0;
                    if (visible) {
                        visibleSum += d;
                        visibleMax = Math.max(visibleMax, d);
                        visibleValues++;
                    }
                }
                if (diff) {
                    differing++;
                }
            }
            return new Diff(sum / (double) (e.length * channels), max, differing,
                    visibleValues == 0 ? 0 : visibleSum / (double) visibleValues, visibleMax);
        }
    }
}
