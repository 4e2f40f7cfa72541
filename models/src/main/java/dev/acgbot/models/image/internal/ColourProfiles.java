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
        ByteArrayOutputStream out = null;
        int copiedUpTo = 0;
        int p = 2;
        while (p + 4 <= d.length) {
            if ((d[p] & 0xFF) != 0xFF) {
                break;
            }
            int marker = d[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD8) || marker == 0x01) {
                break; // the scan (or something odd) starts: profiles only live in the header
            }
            int len = (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
            if (len < 2 || p + 2 + len > d.length) {
                break;
            }
            if (marker == 0xE2 && len >= 14 && FormatSniffer.ascii(d, p + 4, "ICC_PROFILE")) {
                if (out == null) {
                    out = new ByteArrayOutputStream(d.length);
                }
                out.write(d, copiedUpTo, p - copiedUpTo);
                copiedUpTo = p + 2 + len;
            }
            p += 2 + len;
        }
        if (out == null) {
            return d;
        }
        out.write(d, copiedUpTo, d.length - copiedUpTo);
        return out.toByteArray();
    }
}
