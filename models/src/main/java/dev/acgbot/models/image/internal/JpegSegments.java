package dev.acgbot.models.image.internal;

/**
 * The one walk over a JPEG's header segments (after SOI, up to the first scan) that orientation, colour
 * profile stripping and the truncation check share. Every read is bounds-checked: hostile files only end
 * the walk early.
 */
public final class JpegSegments {
    private static final int SOS = 0xDA, EOI = 0xD9, SOI = 0xD8, TEM = 0x01;

    private JpegSegments() {
    }

    /** Sees one header segment; returns false to stop the walk. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param marker the byte after 0xFF
         * @param start  offset of the segment's 0xFF
         * @param end    {@code start + 2 + length}: past the data's end when the file is cut inside the segment
         */
        boolean segment(int marker, int start, int end);
    }

    /**
     * Visits the header segments in order; fill bytes and standalone markers (RSTn, TEM) are skipped.
     *
     * @return the offset of the first start-of-scan marker, or -1 when the header ends otherwise (end of data,
     *         EOI or a second SOI, a byte that is no marker, a length under 2, or the visitor stopped)
     */
    static int walk(byte[] d, Visitor visitor) {
        int p = 2;
        while (p + 4 <= d.length) {
            if ((d[p] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = d[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == TEM) {
                p += 2;
                continue;
            }
            if (marker == SOS) {
                return p;
            }
            if (marker == EOI || marker == SOI) {
                return -1;
            }
            int len = (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
            if (len < 2 || !visitor.segment(marker, p, p + 2 + len)) {
                return -1;
            }
            p += 2 + len;
        }
        return -1;
    }

    /**
     * Whether an end-of-image marker follows the first start-of-scan: truncated uploads lose it, while
     * entropy-coded data can never contain it (0xFF is stuffed there) and thumbnails sit before the scan.
     */
    public static boolean hasEndOfImage(byte[] d) {
        int scan = walk(d, (marker, start, end) -> true);
        if (scan < 0) {
            return false;
        }
        for (int i = d.length - 2; i > scan; i--) {
            if (d[i] == (byte) 0xFF && d[i + 1] == (byte) EOI) {
                return true;
            }
        }
        return false;
    }
}
