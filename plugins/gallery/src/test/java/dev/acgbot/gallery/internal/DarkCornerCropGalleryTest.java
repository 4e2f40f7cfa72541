package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Crops whose top-left corner lies on a drawing's dark outline are found first, named cropped (issue 12, cropped pages
 * round 12): a lizard and a road sign on white pages from openclipart (public domain; src/test/resources/openclipart),
 * beside other fixtures. The corner is neutral, so the copy was trimmed by it (nothing) and not from a white corner
 * ({@link CornerTrim}, which took only coloured corners): of the quarter and tenth crops at 11x11 places, 12 of the
 * lizard's and 8 of the sign's that had no hit are found now, none lost; none of these seven had a hit before.
 */
class DarkCornerCropGalleryTest {
    private static final List<String> PICTURES = List.of("lizard", "do_not_enter", "linux_powered", "warning", "milk_bw",
            "direction_suivre_3", "stopsign", "kate");

    @Test
    void cropsCornerOnADarkOutlineAreFoundFirstAsCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES.size(), i -> RepostGalleries.openclipart(PICTURES.get(i))), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            // {source, share kept, fx, fy}: the crop's top-left corner at fx, fy of the room left
            double[][] crops = {{0, 0.75, 0.2, 0.3}, {0, 0.75, 0.2, 0.5}, {0, 0.75, 0.3, 0.2}, {0, 0.9, 0.5, 0.8}, {0, 0.9, 0.7, 0.5},
                    {1, 0.75, 0.1, 0.4}, {1, 0.9, 0.9, 0.2}};
            List<RepostGalleries.CropLine> lines = RepostGalleries.firstHitsOfCrops(g, crops, i -> RepostGalleries.openclipart(PICTURES.get(i)));
            assertEquals(RepostGalleries.CropLine.sourcesFirst(lines), RepostGalleries.CropLine.found(lines));
        }
    }
}
