package dev.acgbot.models.image.internal;

/**
 * Finds the EXIF orientation tag (JPEG APP1, PNG eXIf, WebP EXIF chunk) and applies it the way PIL's
 * {@code ImageOps.exif_transpose} does, so phone photos are upright. Every read is bounds-checked: a broken
 * EXIF block means "no orientation", never an exception.
 */
public final class ExifOrientation {
    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** Orientation 1-8 (1 = as stored) read from the file's metadata. */
    public static int read(byte[] d, ImageFormat format) {
        int o = switch (format) {
            case JPEG -> fromJpeg(d);
            case PNG -> fromPng(d);
            case WEBP -> fromWebp(d);
            default -> 1;
        };
        return o >= 1 && o <= 8 ? o : 1;
    }

    /** Whether the orientation swaps width and height. */
    public static boolean swapsAxes(int orientation) {
        return orientation >= 5;
    }

    private static int fromJpeg(byte[] d) {
        int[] found = {1};
        JpegSegments.walk(d, (marker, start, end) -> {
            if (marker == 0xE1 && end - start >= 10 && FormatSniffer.ascii(d, start + 4, "Exif")
                    && start + 9 < d.length && d[start + 8] == 0 && d[start + 9] == 0) {
                int o = fromTiff(d, start + 10, Math.min(d.length, end));
                if (o != 0) {
                    found[0] = o;
                    return false;
                }
            }
            return true;
        }); // metadata precedes the scan: the walk ends there
        return found[0];
    }

    private static int fromPng(byte[] d) {
        int p = 8;
        while (p + 12 <= d.length) {
            long len = u32be(d, p);
            if (len > d.length - p - 12) {
                return 1;
            }
            if (FormatSniffer.ascii(d, p + 4, "eXIf")) {
                int start = p + 8;
                // a few writers keep the JPEG-style "Exif\0\0" prefix
                if (FormatSniffer.ascii(d, start, "Exif")) {
                    start += 6;
                }
                int o = fromTiff(d, start, p + 8 + (int) len);
                return o == 0 ? 1 : o;
            }
            if (FormatSniffer.ascii(d, p + 4, "IEND")) {
                return 1;
            }
            p += 12 + (int) len;
        }
        return 1;
    }

    private static int fromWebp(byte[] d) {
        int p = 12;
        while (p + 8 <= d.length) {
            long len = u32le(d, p + 4);
            if (len > d.length - p - 8) {
                return 1;
            }
            if (FormatSniffer.ascii(d, p, "EXIF")) {
                int start = p + 8;
                if (FormatSniffer.ascii(d, start, "Exif")) {
                    start += 6;
                }
                int o = fromTiff(d, start, p + 8 + (int) len);
                return o == 0 ? 1 : o;
            }
            p += 8 + (int) (len + (len & 1));
        }
        return 1;
    }

    /** Orientation from a TIFF structure in {@code d[start, end)}, or 0 when absent or malformed. */
    private static int fromTiff(byte[] d, int start, int end) {
        if (end - start < 8) {
            return 0;
        }
        boolean little;
        if (d[start] == 'I' && d[start + 1] == 'I') {
            little = true;
        } else if (d[start] == 'M' && d[start + 1] == 'M') {
            little = false;
        } else {
            return 0;
        }
        if (u16(d, start + 2, little) != 42) {
            return 0;
        }
        long ifd = u32(d, start + 4, little);
        if (ifd < 8 || ifd > end - start - 2) {
            return 0;
        }
        int p = start + (int) ifd;
        int entries = u16(d, p, little);
        p += 2;
        for (int i = 0; i < entries && p + 12 <= end; i++, p += 12) {
            if (u16(d, p, little) == TAG_ORIENTATION) {
                int type = u16(d, p + 2, little);
                // SHORT is the standard type; a few writers use LONG
                if (type == 3) {
                    return u16(d, p + 8, little);
                }
                if (type == 4) {
                    long v = u32(d, p + 8, little);
                    return v >= 1 && v <= 8 ? (int) v : 0;
                }
                return 0;
            }
        }
        return 0;
    }

    /**
     * Applies {@code orientation} to packed pixels. Returns {@code {newWidth, newHeight}} via {@code size} and
     * the transformed pixels (the input array when orientation is 1).
     */
    public static int[] apply(int[] argb, int width, int height, int orientation, int[] size) {
        boolean swap = swapsAxes(orientation);
        int ow = swap ? height : width;
        int oh = swap ? width : height;
        size[0] = ow;
        size[1] = oh;
        if (orientation == 1) {
            return argb;
        }
        int[] out = new int[argb.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = width - 1 - x; dy = y; }              // mirror
                    case 3 -> { dx = width - 1 - x; dy = height - 1 - y; } // rotate 180
                    case 4 -> { dx = x; dy = height - 1 - y; }             // flip
                    case 5 -> { dx = y; dy = x; }                          // transpose
                    case 6 -> { dx = height - 1 - y; dy = x; }             // rotate 90 clockwise
                    case 7 -> { dx = height - 1 - y; dy = width - 1 - x; } // transverse
                    default -> { dx = y; dy = width - 1 - x; }             // 8: rotate 90 counter-clockwise
                }
                out[dy * ow + dx] = argb[row + x];
            }
        }
        return out;
    }

    private static int u16be(byte[] d, int p) {
        return p + 2 > d.length ? 0 : (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }

    private static long u32be(byte[] d, int p) {
        return p + 4 > d.length ? Long.MAX_VALUE
                : ((long) (d[p] & 0xFF) << 24) | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
    }

    private static long u32le(byte[] d, int p) {
        return p + 4 > d.length ? Long.MAX_VALUE
                : ((long) (d[p + 3] & 0xFF) << 24) | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | (d[p] & 0xFF);
    }

    private static int u16(byte[] d, int p, boolean little) {
        if (p + 2 > d.length) {
            return -1;
        }
        return little ? (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8 : (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }

    private static long u32(byte[] d, int p, boolean little) {
        if (p + 4 > d.length) {
            return -1;
        }
        return little ? u32le(d, p) : u32be(d, p);
    }
}
