package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A copy the thumbnails pose off its source's place, whose edges agree only where it lies untouched: openclipart's rack
 * switch {@code switch_cisco_nicola_}, drawn 4.4 times as wide as high, halved (70x16 pixels once trimmed) posed 4 %
 * lower and 1.5 % taller than its source on the thumbnails, failed the edges there and listed nothing (seed 200 of the
 * evaluation). {@code RepostVerifier.untouchedEdges} compares it once more untouched.
 */
class UntouchedPoseGalleryTest {
    private static final int PICTURES = 6;

    @Test
    void aHalvedThinStripIsItsSourceAsItIs(@TempDir Path tmp) {
        assertEquals("pic0.png true []", RepostGalleries.lookedUpAmong(tmp, PICTURES, List.of("switch_cisco_nicola_"), 760,
                TinyCopyGalleryTest.shrunk(RepostGalleries.openclipart("switch_cisco_nicola_"), 2)));
    }
}
