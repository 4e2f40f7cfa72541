package dev.acgbot.models.image.internal;

import java.io.ByteArrayOutputStream;

/**
 * Removes embedded ICC profiles before decoding. PIL (and so every reference pipeline and the data the models
 * were trained on) keeps the stored sample values and ignores the profile, while the Java JPEG and WebP
 * readers convert to sRGB when a profile is present, which moves pixels by tens of levels for wide-gamut
 * photos. (The JDK's PNG reader already ignores iCCP.)
 */
public final class ColourProfiles {
    private ColourProfiles() {
    }

    /** The JPEG without its APP2 ICC_PROFILE segments, or the same array when it has none. */
    public static byte[] stripFromJpeg(byte[] d) {
        ByteArrayOutputStream[] out = {null}; // made at the first profile: most JPEGs have none
        int[] copiedUpTo = {0};
        // profiles only live in the header, which the walk covers
        JpegSegments.walk(d, (marker, start, end) -> {
            if (end > d.length) {
                return false;
            }
            if (marker == 0xE2 && end - start >= 16 && FormatSniffer.ascii(d, start + 4, "ICC_PROFILE")) {
                if (out[0] == null) {
                    out[0] = new ByteArrayOutputStream(d.length);
                }
                out[0].write(d, copiedUpTo[0], start - copiedUpTo[0]);
                copiedUpTo[0] = end;
            }
            return true;
        });
        if (out[0] == null) {
            return d;
        }
        out[0].write(d, copiedUpTo[0], d.length - copiedUpTo[0]);
        return out[0].toByteArray();
    }

    /** The WebP without its ICCP chunk (and with the VP8X "has ICC" flag cleared), or the same array. */
    public static byte[] stripFromWebp(byte[] d) {
        if (d.length < 30 || !FormatSniffer.ascii(d, 12, "VP8X") || (d[20] & 0x20) == 0) {
            return d;
        }
        int p = 12;
        while (p + 8 <= d.length) {
            long size = (d[p + 4] & 0xFFL) | (d[p + 5] & 0xFFL) << 8 | (d[p + 6] & 0xFFL) << 16 | (d[p + 7] & 0xFFL) << 24;
            long chunk = 8 + size + (size & 1);
            if (chunk > d.length - p) {
                return d;
            }
            if (FormatSniffer.ascii(d, p, "ICCP")) {
                int removed = (int) chunk;
                byte[] out = new byte[d.length - removed];
                System.arraycopy(d, 0, out, 0, p);
                System.arraycopy(d, p + removed, out, p, d.length - p - removed);
                long riff = ((d[4] & 0xFFL) | (d[5] & 0xFFL) << 8 | (d[6] & 0xFFL) << 16 | (d[7] & 0xFFL) << 24) - removed;
                for (int i = 0; i < 4; i++) {
                    out[4 + i] = (byte) (riff >>> (8 * i));
                }
                out[20] &= (byte) ~0x20;
                return out;
            }
            p += (int) chunk;
        }
        return d;
    }
}
