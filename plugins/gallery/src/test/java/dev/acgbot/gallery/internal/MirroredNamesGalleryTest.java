package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Openclipart's flag of Grenada lies in the top-left of a transparent canvas: the picture trims
 * nothing, as its top-left corner is the flag's red, while its mirror image, whose top-left corner is the canvas, trims the
 * canvas away and fits the flag only smaller. The mirrored copy was named bordered and mirrored; flipped back it trims as
 * the flag did ({@link MirroredNames}).
 */
class MirroredNamesGalleryTest {
    private static final int PICTURES = 6;

    private static BufferedImage picture(int i) {
        return i == 0 ? RepostGalleries.openclipart("grenada") : TestImages.resized(TestImages.picture(700 + i), 2);
    }

    @Test
    void aMirroredFlagOnAWiderCanvasIsNamedMirroredOnly(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, MirroredNamesGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            BufferedImage flag = RepostGalleries.openclipart("grenada");
            assertEquals(List.of("pic0.png true []", "pic0.png true [MIRRORED]"), List.of(
                    RepostGalleries.describe(g.findDuplicates(TestImages.decoded(TestImages.jpegRoundTrip(flag, 0.9f)), 8)),
                    RepostGalleries.describe(g.findDuplicates(TestImages.decoded(TestImages.mirrored(flag)), 8))));
        }
    }
}
