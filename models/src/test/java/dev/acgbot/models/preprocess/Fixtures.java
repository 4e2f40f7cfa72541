package dev.acgbot.models.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.models.image.DecodedImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads what {@code models/scripts/preprocess/make_fixtures.py} wrote. PNGs are read through the raw raster
 * (8-bit RGB or RGBA only), independent of {@link dev.acgbot.models.image.ImageDecoder}, so a decoder bug
 * cannot hide or fake a preprocessing mismatch.
 */
final class Fixtures {
    private Fixtures() {
    }

    static JsonNode index() {
        try (InputStream in = resource("index.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/preprocess/" + name);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + name + "; run models/scripts/preprocess/make_fixtures.py");
        }
        return in;
    }

    /** Raw 8-bit samples of a PNG, {@code [y][x][band]} flattened, and its band count. */
    record Samples(int width, int height, int bands, int[] values) {
    }

    static Samples samples(String name) {
        try (InputStream in = resource(name)) {
            return samples(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Samples samples(InputStream in, String name) {
        try {
            BufferedImage img = ImageIO.read(in);
            Raster raster = img.getRaster();
            int bands = raster.getNumBands();
            int[] values = raster.getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
            for (int b = 0; b < bands; b++) {
                if (raster.getSampleModel().getSampleSize(b) != 8) {
                    throw new IllegalStateException(name + " is not 8 bits per sample");
                }
            }
            return new Samples(img.getWidth(), img.getHeight(), bands, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DecodedImage decoded(String name) {
        return decoded(samples(name));
    }

    static DecodedImage decoded(Samples s) {
        int[] argb = new int[s.width() * s.height()];
        for (int i = 0; i < argb.length; i++) {
            int o = i * s.bands();
            int a = s.bands() == 4 ? s.values()[o + 3] : 255;
            argb[i] = (a << 24) | (s.values()[o] << 16) | (s.values()[o + 1] << 8) | s.values()[o + 2];
        }
        return new DecodedImage(s.width(), s.height(), argb, s.bands() == 4);
    }
}
