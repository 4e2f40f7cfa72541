package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Crop+resize+JPEG copies of two rack switches drawn 4.3 and 3.1 times as wide as high (openclipart, public domain;
 * src/test/resources/openclipart): the evaluation's copies ({@code --sample-seed 200}), 70x17 and 70x23 pixels once
 * trimmed. The edge step enlarges their 17 and 23 rows onto its 64-cell grid, and their edges agreed with their sources
 * at 0.943 at the pose found: nothing was listed. Compared at their own pixels, as tiny copies are ({@link TinyCheck}),
 * each singles its source out.
 */
class ThinCopyGalleryTest {
    private static final int PICTURES = 6;
    private static final List<String> SWITCHES = List.of("switch_cisco_nicola_", "switch_hp_stack_xx_nic_");

    @Test
    void thinStripsCopiedSmallAreFoundAtTheirOwnPixels(@TempDir Path tmp) {
        assertEquals(List.of("pic0.png true []", "pic1.png true []"), RepostGalleries.eachLookedUpAmong(tmp, PICTURES, SWITCHES, 760,
                SWITCHES.stream().map(name -> RepostGalleries.openclipart(name + "-crop-resize-jpeg")).toList()));
    }
}
