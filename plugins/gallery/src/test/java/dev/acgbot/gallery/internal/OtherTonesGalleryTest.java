package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
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
 * Two openclipart pictures, each beside the same drawing in other tones and its own reposts: the warning sign
 * (`warning`) beside the icon that holds it on a grey square (`file_important`), and the line-art milk carton
 * (`milk_bw`) beside the carton filled in blue (`milk_ganson`), with a copy of the sign turned by 3° and a captioned copy
 * of the carton stored as reposts. A JPEG copy of the sign or the carton passes the edge step against the other-toned
 * drawing too (0.98 cropped, 0.994 recoloured on `--sample-seed 77`), which needs the copy's tones lifted where its own
 * picture needs nothing ({@link OtherTones}); its reposts need what the picture needs.
 */
class OtherTonesGalleryTest {
    private static final List<String> NAMES = List.of("warning", "file_important", "milk_bw", "milk_ganson");
    private static final int PICTURES = 10;

    private static BufferedImage picture(int i) {
        return switch (i) {
            case 0, 1, 2, 3 -> RepostGalleries.openclipart(NAMES.get(i));
            case 4 -> TestImages.rotated(RepostGalleries.openclipart("warning"), 3);
            case 5 -> TestImages.captioned(RepostGalleries.openclipart("milk_bw"), false);
            default -> TestImages.resized(TestImages.picture(700 + i), 2);
        };
    }

    @Test
    void aJpegCopyListsItsPictureAndItsRepostsButNotTheDrawingInOtherTones(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, OtherTonesGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals("pic0.png true [], pic4.png true [ROTATED]\npic2.png true [], pic5.png true []",
                    lookUp(g, "warning") + "\n" + lookUp(g, "milk_bw"));
        }
    }

    private static String lookUp(Gallery g, String name) {
        List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(TestImages.jpegRoundTrip(RepostGalleries.openclipart(name), 0.75f)), 8);
        return RepostGalleries.describe(hits);
    }
}
