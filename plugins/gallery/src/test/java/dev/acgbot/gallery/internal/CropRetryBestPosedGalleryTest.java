package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A quarter crop of a map symbol (a plain bar, `wall_0_symbol_1m_bwh`) beside an arrow, from openclipart (public domain;
 * src/test/resources/openclipart), issue 12: the evaluation's copy (`--sample-seed 200`, crop 25 %, the symbol's 96 px at
 * 6, 25 of its 128). The symbol's pose correlates best (0.979, the arrow's 0.903), its edges fail at that pose and pass from
 * its best crop rectangle, but that retry went only to the candidates fitting the copy best as a crop, and the arrow fitted
 * it better (0.767 against 0.721): nothing was listed. The candidate whose pose correlates best is retried too.
 */
class CropRetryBestPosedGalleryTest {
    private static final List<String> PICTURES = List.of("wall_0_symbol_1m_bwh", "arrow05_3");

    @Test
    void aQuarterCropIsFoundWhenAnotherPictureFitsTheCropBetterButPosesWorse(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES.size(), i -> RepostGalleries.openclipart(PICTURES.get(i))), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            BufferedImage copy = RepostGalleries.openclipart(PICTURES.get(0)).getSubimage(6, 25, 96, 96);
            assertEquals("pic0.png true [CROPPED]", RepostGalleries.lookedUp(g, copy));
        }
    }
}
