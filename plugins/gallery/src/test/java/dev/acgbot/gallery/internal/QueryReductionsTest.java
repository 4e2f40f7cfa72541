package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The copy's fine grid and edges, taken from its signature's thumbnail and detail picture (round 53), are those reduced
 * from its trimmed picture once more, value for value: the lookup's answers cannot change with where they come from.
 */
class QueryReductionsTest {
    @Test
    void theFineGridAndTheEdgesAreThoseOfTheTrimmedCopyReducedAgain() {
        for (long seed = 1; seed <= 12; seed++) {
            DecodedImage picture = TestImages.decoded(seed % 3 == 0 ? TestImages.rotated(TestImages.picture(seed), 7)
                    : TestImages.picture(seed));
            RepostVerifier.Query q = new RepostVerifier.Query(picture);
            DecodedImage trimmed = Margins.crop(PerceptualHash.onWhite(picture), q.trim);
            RepostVerifier.Grid fine = RepostVerifier.Grid.of(trimmed, RepostVerifier.FINE);
            assertArrayEquals(fine.values(), q.fine.values());
            assertArrayEquals(fine.mirrored(), q.fine.mirrored());
            assertEquals(fine.std(), q.fine.std());
            DetailCheck.Edges edges = DetailCheck.Edges.of(trimmed);
            assertArrayEquals(edges.gx(), q.edges.gx());
            assertArrayEquals(edges.gy(), q.edges.gy());
            assertArrayEquals(edges.mgx(), q.edges.mgx());
            assertArrayEquals(edges.softer().gx(), q.edges.softer().gx());
            assertEquals(edges.smoothness(), q.edges.smoothness());
        }
    }
}
