package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which copies are looked up by their colour layout ({@link ColourLayouts}). */
class ColourLayoutsTest {
    @Test
    void onlyColourfulCopiesAreLookedUpByTheirColours() {
        byte[] red = new byte[ColourRows.CELLS], grey = new byte[ColourRows.CELLS];
        for (int i = 0; i < ColourRows.CELLS; i += 3) {
            red[i] = (byte) 220;
            red[i + 1] = 30;
            red[i + 2] = 40;
            grey[i] = grey[i + 1] = grey[i + 2] = (byte) 128;
        }
        assertTrue(ColourLayouts.looked(red));
        assertFalse(ColourLayouts.looked(grey));
        assertFalse(ColourLayouts.looked(new byte[0]), "a copy without a grid");
    }
}
