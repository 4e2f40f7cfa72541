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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A framed, turned and brightened copy (border+rotate+bright) of a line silhouette from openclipart (public domain; in
 * src/test/resources/openclipart), among the pictures that lay closer to it in the hashes in the evaluation's lookup: two
 * star polygons, a line portrait, and the silhouette's female counterpart. The copy is the evaluation's own
 * (`--sample-seed 77`, written by `--save-misses`). No candidate poses from the pose search's own starts, and by pHash
 * plus dHash distance the silhouette (31) is the 4th closest of them (28, 30, 30): {@link TurnedStarts} searched only
 * the 2 closest from turned starts, and nothing was listed; it searches {@link TurnedStarts#CLOSEST}, each from its
 * best-scoring start, and the silhouette poses turned.
 */
class TurnedStartsReachGalleryTest {
    private static final List<String> PICTURES = List.of("silhouette_male_1", "star_50pt21step", "people_juliane_krug_09a",
            "star_41pt16step", "silhouette_female_1");

    @Test
    void aFramedTurnedSilhouetteBehindCloserUnposedCandidatesIsFoundFirst(@TempDir Path tmp) throws IOException {
        // the files themselves, transparency and all, as the evaluation indexed them: flattened first, the silhouette lay
        // closer to the copy than the pictures that crowded it out there
        Path folder = tmp.resolve("pics");
        Files.createDirectories(folder);
        for (int i = 0; i < PICTURES.size(); i++) {
            try (InputStream in = getClass().getResourceAsStream("/openclipart/" + PICTURES.get(i) + ".png")) {
                Files.copy(in, folder.resolve("pic" + i + ".png"));
            }
        }
        GalleryOptions options = GalleryOptions.builder().dataDir(tmp.resolve("data")).folders(List.of(folder)).clipModels(List.of()).build();
        try (Gallery g = Gallery.open(options, new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(RepostGalleries.openclipart("silhouette_male_1-framed-turned")), 8);
            assertEquals(List.of("pic0.png"), hits.stream().map(h -> h.entry().path().getFileName().toString()).toList());
        }
    }
}
