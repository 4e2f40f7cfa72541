package dev.acgbot.models.image.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpegSegmentsTest {
    // SOI, APP0 (len 4), a fill byte, RST0 (standalone), APP2 (len 3), SOS, one coded byte, EOI
    static final byte[] HEADER = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 1, 2, 0xFF, 0xFF, 0xD0, 0xFF, 0xE2, 0, 3, 9,
            0xFF, 0xDA, 0, 2, 0x55, 0xFF, 0xD9);

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void visitsEveryHeaderSegmentInOrderSkippingFillAndStandaloneMarkersAndStopsAtTheScan() {
        List<String> seen = new ArrayList<>();
        int scan = JpegSegments.walk(HEADER, (marker, start, end) -> seen.add(Integer.toHexString(marker) + "@" + start + ".." + end));
        assertEquals(List.of("e0@2..8", "e2@11..16"), seen);
        assertEquals(16, scan);
        assertTrue(JpegSegments.hasEndOfImage(HEADER));
    }

    @Test
    void aVisitorThatStopsOrACutFileEndsTheWalkWithoutAScan() {
        assertEquals(-1, JpegSegments.walk(HEADER, (marker, start, end) -> false));
        byte[] cut = Arrays.copyOf(HEADER, 13);
        assertEquals(-1, JpegSegments.walk(cut, (marker, start, end) -> true));
        assertFalse(JpegSegments.hasEndOfImage(cut));
        assertFalse(JpegSegments.hasEndOfImage(Arrays.copyOf(HEADER, HEADER.length - 2)), "EOI cut off");
    }
}
