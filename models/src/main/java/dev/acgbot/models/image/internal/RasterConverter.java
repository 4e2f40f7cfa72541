package dev.acgbot.models.image.internal;

import dev.acgbot.models.image.DecodedImage;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

/**
 * Turns whatever raster an ImageIO reader produced into 8-bit ARGB with PIL's semantics: stored sample values
 * are taken as they are (no gamma or ICC conversion, which {@link BufferedImage#getRGB} would apply to
 * grayscale images), 16-bit samples keep their high byte as PIL does for 16-bit RGB(A) PNGs, and palettes
 * (with their transparency) are looked up.
 */
public final class RasterConverter {

    private RasterConverter() {
    }

    public static DecodedImage toDecoded(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        int[] argb = new int[Math.multiplyExact(w, h)];
        if (cm instanceof IndexColorModel icm) {
            return fromPalette(icm, raster, w, h, argb);
        }
        int type = cm.getColorSpace().getType();
        boolean direct = cm instanceof ComponentColorModel && !cm.isAlphaPremultiplied()
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        if (direct && type == ColorSpace.TYPE_GRAY && raster.getNumBands() <= 2) {
            return fromComponents(raster, w, h, argb, true, cm.hasAlpha());
        }
        if (direct && type == ColorSpace.TYPE_RGB && raster.getNumBands() >= 3) {
            return fromComponents(raster, w, h, argb, false, cm.hasAlpha());
        }
        // packed int images (BMP, some WebP) are sRGB already; anything exotic goes through Java2D's conversion
        img.getRGB(0, 0, w, h, argb, 0, w);
        boolean alpha = cm.hasAlpha();
        if (!alpha) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xFF000000;
            }
        }
        return new DecodedImage(w, h, argb, alpha);
    }

    private static DecodedImage fromPalette(IndexColorModel icm, Raster raster, int w, int h, int[] argb) {
        int size = icm.getMapSize();
        int[] palette = new int[256];
        int[] colours = new int[size];
        icm.getRGBs(colours);
        // indices past the palette read as opaque black, as PIL does, instead of failing
        java.util.Arrays.fill(palette, 0xFF000000);
        System.arraycopy(colours, 0, palette, 0, Math.min(size, 256));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                argb[o + x] = palette[row[x] & 0xFF];
            }
        }
        return new DecodedImage(w, h, argb, icm.hasAlpha());
    }

    /** Grayscale (1 or 2 bands) or RGB(A) component rasters of any bit depth. */
    private static DecodedImage fromComponents(Raster raster, int w, int h, int[] argb, boolean gray, boolean alpha) {
        SampleModel sm = raster.getSampleModel();
        int bits = sm.getSampleSize(0);
        int colourBands = gray ? 1 : 3;
        int alphaBand = alpha ? colourBands : -1;
        if (bits == 8 && sm instanceof ComponentSampleModel csm && raster.getDataBuffer() instanceof DataBufferByte) {
            interleavedBytes(csm, (DataBufferByte) raster.getDataBuffer(), w, h, argb, gray, alphaBand);
            return new DecodedImage(w, h, argb, alpha);
        }
        if (bits == 16 && sm instanceof ComponentSampleModel csm && raster.getDataBuffer() instanceof DataBufferUShort) {
            interleavedShorts(csm, (DataBufferUShort) raster.getDataBuffer(), w, h, argb, gray, alphaBand);
            return new DecodedImage(w, h, argb, alpha);
        }
        int bands = raster.getNumBands();
        int[][] rows = new int[bands][w];
        for (int y = 0; y < h; y++) {
            for (int b = 0; b < bands; b++) {
                raster.getSamples(0, y, w, 1, b, rows[b]);
            }
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int r = to8(rows[0][x], sm.getSampleSize(0));
                int g = gray ? r : to8(rows[1][x], sm.getSampleSize(1));
                int bl = gray ? r : to8(rows[2][x], sm.getSampleSize(2));
                int a = alphaBand < 0 ? 255 : to8(rows[alphaBand][x], sm.getSampleSize(alphaBand));
                argb[o + x] = a << 24 | r << 16 | g << 8 | bl;
            }
        }
        return new DecodedImage(w, h, argb, alpha);
    }

    /** Scales a sample of {@code bits} bits to 8: high byte for deeper samples, PIL's expansion for 1-4 bits. */
    private static int to8(int v, int bits) {
        if (bits == 8) {
            return v & 0xFF;
        }
        if (bits > 8) {
            return (v >>> (bits - 8)) & 0xFF;
        }
        return v * 255 / ((1 << bits) - 1);
    }

    private static void interleavedBytes(ComponentSampleModel sm, DataBufferByte buffer, int w, int h, int[] argb,
                                         boolean gray, int alphaBand) {
        int ps = sm.getPixelStride();
        int ss = sm.getScanlineStride();
        int[] off = sm.getBandOffsets();
        int[] banks = sm.getBankIndices();
        byte[] rb = buffer.getData(banks[0]);
        byte[] gb = gray ? rb : buffer.getData(banks[1]);
        byte[] bb = gray ? rb : buffer.getData(banks[2]);
        byte[] ab = alphaBand < 0 ? null : buffer.getData(banks[alphaBand]);
        int ro = off[0] + buffer.getOffsets()[banks[0]];
        int go = gray ? ro : off[1] + buffer.getOffsets()[banks[1]];
        int bo = gray ? ro : off[2] + buffer.getOffsets()[banks[2]];
        int ao = alphaBand < 0 ? 0 : off[alphaBand] + buffer.getOffsets()[banks[alphaBand]];
        for (int y = 0; y < h; y++) {
            int line = y * ss;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int s = line + x * ps;
                int a = ab == null ? 0xFF : ab[s + ao] & 0xFF;
                argb[o + x] = a << 24 | (rb[s + ro] & 0xFF) << 16 | (gb[s + go] & 0xFF) << 8 | (bb[s + bo] & 0xFF);
            }
        }
    }

    private static void interleavedShorts(ComponentSampleModel sm, DataBufferUShort buffer, int w, int h, int[] argb,
                                          boolean gray, int alphaBand) {
        int ps = sm.getPixelStride();
        int ss = sm.getScanlineStride();
        int[] off = sm.getBandOffsets();
        int[] banks = sm.getBankIndices();
        short[] rb = buffer.getData(banks[0]);
        short[] gb = gray ? rb : buffer.getData(banks[1]);
        short[] bb = gray ? rb : buffer.getData(banks[2]);
        short[] ab = alphaBand < 0 ? null : buffer.getData(banks[alphaBand]);
        int ro = off[0] + buffer.getOffsets()[banks[0]];
        int go = gray ? ro : off[1] + buffer.getOffsets()[banks[1]];
        int bo = gray ? ro : off[2] + buffer.getOffsets()[banks[2]];
        int ao = alphaBand < 0 ? 0 : off[alphaBand] + buffer.getOffsets()[banks[alphaBand]];
        for (int y = 0; y < h; y++) {
            int line = y * ss;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int s = line + x * ps;
                int a = ab == null ? 0xFF : (ab[s + ao] >>> 8) & 0xFF;
                argb[o + x] = a << 24 | ((rb[s + ro] >>> 8) & 0xFF) << 16 | ((gb[s + go] >>> 8) & 0xFF) << 8
                        | ((bb[s + bo] >>> 8) & 0xFF);
            }
        }
    }
}
