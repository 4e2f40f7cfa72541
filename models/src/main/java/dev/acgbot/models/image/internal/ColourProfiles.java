package dev.acgbot.models.image.internal;

import java.io.ByteArrayOutputStream;

/**
 * Removes embedded ICC profiles before decoding. PIL (and so every reference pipeline and the data the models
 * were trained on) keeps the stored sample values and ignores the profile, while the Java JPEG readers
 * convert to sRGB when a profile is present, which moves pixels by tens of levels for wide-gamut
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
}
