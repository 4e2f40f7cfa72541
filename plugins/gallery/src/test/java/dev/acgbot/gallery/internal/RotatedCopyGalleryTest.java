package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A copy turned by 10° on its own canvas (white corners, as most editors fill) moves every whole-picture hash and every
 * crop window beyond the candidate radius; the copy turned back by the angles the lookup tries finds its source, and
 * the verifier starts its pose search at that angle.
 */
class RotatedCopyGalleryTest {
    private static final int PICTURES = 8;

    private static BufferedImage picture(int i) {
        return TestImages.resized(TestImages.picture(700 + i), 2);
    }

    /** Turned about the centre on the same canvas, as RepostEdits.rotate in the benchmarks does. */
    static BufferedImage rotated(BufferedImage img, double degrees) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), img.getWidth() / 2.0, img.getHeight() / 2.0));
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    private static GalleryOptions options(Path tmp) {
        Path folder = tmp.resolve("pics");
        for (int i = 0; i < PICTURES; i++) {
            TestImages.writePng(picture(i), folder.resolve("pic" + i + ".png"));
        }
        return GalleryOptions.builder().dataDir(tmp.resolve("data")).folders(List.of(folder)).clipModels(List.of()).batchSize(4)
                .decodeThreads(2).build();
    }

    private static String describe(List<DuplicateHit> hits) {
        return String.join(", ", hits.stream().map(h -> h.entry().path().getFileName() + " " + h.confident() + " "
                + h.edits().stream().map(Enum::name).sorted().toList()).toList());
    }

    @Test
    void copiesTurnedByTenDegreesEitherWayAreFoundAsRotated(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(options(tmp), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            for (int i : new int[]{1, 4, 6}) {
                for (double degrees : new double[]{10, -10}) {
                    List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(rotated(picture(i), degrees)), 8);
                    assertEquals("pic" + i + ".png true [ROTATED]", describe(hits), "turned by " + degrees + "°");
                }
            }
        }
    }
}
