package dev.acgbot.bench.gallery;

import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceKindTest {

    /** A 10x10 page of {@code paper} with one pixel of {@code ink}. */
    private static DecodedImage page(int paper, int ink) {
        int[] argb = new int[100];
        Arrays.fill(argb, 0xFF000000 | paper);
        argb[55] = 0xFF000000 | ink;
        return new DecodedImage(10, 10, argb, false);
    }

    /**
     * A page is blank when no pixel lies more than 12 levels below white in any channel: white, or white with one pixel
     * of 244 grey, is; a single pixel of 242 grey, of pale blue (a blue channel of 240), or a grey page of 240 is drawn on.
     */
    @Test
    void aPageIsBlankOnlyWhenEveryPixelIsWithinTwelveLevelsOfWhite() {
        assertEquals(List.of(true, true, false, false, false),
                List.of(SourceKind.blankPage(page(0xFFFFFF, 0xFFFFFF)), SourceKind.blankPage(page(0xFFFFFF, 0xF4F4F4)),
                        SourceKind.blankPage(page(0xFFFFFF, 0xF2F2F2)), SourceKind.blankPage(page(0xFFFFFF, 0xFFFFF0)),
                        SourceKind.blankPage(page(0xF0F0F0, 0xF0F0F0))));
    }
}
