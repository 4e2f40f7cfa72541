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

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The evaluation's crop+resize+JPEG copies of two small icons from openclipart (public domain; src/test/resources/openclipart),
 * each a tenth crop halved to 16 or 23x9 pixels and saved as JPEG, beside look-alikes (issue 12, tiny cropped copies
 * round 11 second wave): a 34-px stop sign beside a round button, and an RSS button beside the XML and Atom buttons of its
 * set. No candidate passed the edge step and taken as its candidate resized ({@link ResizedCopies}) neither copy
 * correlated (0.57 and 0.78 on the evaluation's gallery), so nothing was listed; taken as the crop of its candidate that
 * fits it best ({@link CroppedCopies}), each copy is its source (0.957 and 0.973, the look-alikes at most 0.65 and 0.86).
 */
class TinyCroppedCopyGalleryTest {
    private static final List<String> PICTURES = List.of("stopsign", "button-blue", "rss_button", "xml_button", "atom_button");

    @Test
    void tinyCroppedCopiesOfIconsBesideTheirLookAlikesAreFoundAsTheirSources(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES.size(), i -> RepostGalleries.openclipart(PICTURES.get(i))), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            // the evaluation's copies: the sign's 31-px crop at 2, 3 of its 34 px; the button's 45x18 crop at 3, 2 of 50x20
            BufferedImage sign = copy(RepostGalleries.openclipart(PICTURES.get(0)).getSubimage(2, 3, 31, 31));
            BufferedImage button = copy(RepostGalleries.openclipart(PICTURES.get(2)).getSubimage(3, 2, 45, 18));
            assertEquals("pic0.png\npic2.png", firstHit(g, sign) + "\n" + firstHit(g, button));
        }
    }

    private static String firstHit(Gallery g, BufferedImage copy) {
        List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(copy), 8);
        return hits.isEmpty() ? "none" : hits.getFirst().entry().path().getFileName().toString();
    }

    /** Half the size, averaged over areas, and saved as JPEG at quality 0.7, as the evaluation's crop+resize+JPEG does. */
    static BufferedImage copy(BufferedImage crop) {
        int w = Math.round(crop.getWidth() / 2f), h = Math.round(crop.getHeight() / 2f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = out.createGraphics();
        gr.drawImage(crop.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        gr.dispose();
        return TestImages.jpegRoundTrip(out, 0.7f);
    }
}
