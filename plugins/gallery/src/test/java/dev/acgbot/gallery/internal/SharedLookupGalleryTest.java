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

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A lookup whose pieces the search helpers share ({@link SharedWork}) answers exactly as one thread alone: the same hits,
 * in the same order, with the same similarities and edits, for copies that take every path of the hash stage and the
 * verifier (as posted, mirrored, cropped, turned, captioned, framed, re-encoded, shrunk). Beside openclipart fixtures, the
 * gallery holds the scale test's pictures, a third of them strokes on white that crowd each other's candidate lists; and for
 * pictures it does not hold, at three times their size and at a quarter (the last resorts, which only lookups that find
 * nothing run, search their candidates at once too). Lookups run at once from several threads answer as each alone.
 */
class SharedLookupGalleryTest {
    private static final List<String> PICTURES = List.of("kate", "kwrite", "xedit", "edit", "warning", "stopsign", "do_not_enter",
            "hand", "turtle", "lizard", "taichi", "glace_03", "glace_03_bw", "milk_bw", "milk_ganson", "rss_button");
    /** Of the scale test's pictures stored, the strokes on white among the first ones are looked up too. */
    private static final int SYNTHETIC = 120;
    /** The pictures looked up: the fixtures and the first of the synthetic ones. */
    private static final int LOOKED_UP = PICTURES.size() + 24;
    /** Of the scale test's pictures after those stored, this many are looked up, as the scale test looks them up. */
    private static final int NOT_STORED = 12;
    private static final List<UnaryOperator<BufferedImage>> EDITS = List.of(
            img -> img,
            TestImages::mirrored,
            img -> RepostGalleries.crop(img, 0.75, 0.3, 0.7),
            img -> RepostGalleries.crop(img, 0.9, 1.0, 0.0),
            img -> TestImages.rotated(img, 7),
            img -> TestImages.captioned(img, true),
            img -> RepostGalleries.framed(img, 0.06),
            img -> TestImages.jpegRoundTrip(TestImages.resized(img, 0.4), 0.6f));

    @Test
    void helpersSharingALookupChangeNothingInItsAnswer(@TempDir Path tmp) {
        GalleryOptions shape = RepostGalleries.options(tmp, PICTURES.size() + SYNTHETIC, SharedLookupGalleryTest::stored);
        List<String> alone = answers(GalleryOptions.builder().dataDir(shape.dataDir()).folders(shape.folders()).clipModels(List.of())
                .batchSize(4).decodeThreads(2).searchThreads(1).build());
        GalleryOptions helped = GalleryOptions.builder().dataDir(shape.dataDir()).folders(shape.folders()).clipModels(List.of())
                .batchSize(4).decodeThreads(2).searchThreads(3).build();
        assertEquals(String.join("\n", alone), String.join("\n", answers(helped)));
    }

    @Test
    void lookupsRunningAtOnceAnswerAsEachAlone(@TempDir Path tmp) throws Exception {
        GalleryOptions options = RepostGalleries.options(tmp, PICTURES.size() + SYNTHETIC, SharedLookupGalleryTest::stored);
        List<String> alone = answers(options);
        ExecutorService users = Executors.newFixedThreadPool(3);
        try (Gallery g = Gallery.open(options, new FakeInference())) {
            List<Future<String>> atOnce = new ArrayList<>();
            for (int q = 0; q < alone.size(); q++) {
                int query = q;
                atOnce.add(users.submit(() -> answer(g, query)));
            }
            List<String> lines = new ArrayList<>();
            for (Future<String> f : atOnce) {
                lines.add(f.get());
            }
            assertEquals(String.join("\n", alone), String.join("\n", lines));
        } finally {
            users.shutdownNow();
        }
    }

    private static BufferedImage stored(int i) {
        return i < PICTURES.size() ? RepostGalleries.openclipart(PICTURES.get(i)) : DuplicateLookupScaleTest.picture(i - PICTURES.size());
    }

    /** Every edit of every picture looked up, then the pictures not stored, one after another: a line each. */
    private static List<String> answers(GalleryOptions options) {
        List<String> lines = new ArrayList<>();
        try (Gallery g = Gallery.open(options, new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            for (int q = 0; q < LOOKED_UP * EDITS.size() + 2 * NOT_STORED; q++) {
                lines.add(answer(g, q));
            }
        }
        return lines;
    }

    /**
     * Lookup {@code q}: edit {@code q % EDITS.size()} of picture {@code q / EDITS.size()}, after those a picture not stored
     * enlarged and re-encoded or shrunk, by turns; its hits with their distances, similarities and edits.
     */
    private static String answer(Gallery g, int q) {
        if (q < LOOKED_UP * EDITS.size()) {
            return answer(g, "pic" + q / EDITS.size() + " edit " + q % EDITS.size(), EDITS.get(q % EDITS.size()).apply(stored(q / EDITS.size())));
        }
        int k = q - LOOKED_UP * EDITS.size();
        BufferedImage other = DuplicateLookupScaleTest.picture(SYNTHETIC + k / 2);
        return answer(g, "not stored " + k / 2 + (k % 2 == 0 ? " enlarged" : " shrunk"), k % 2 == 0
                ? TestImages.jpegRoundTrip(TestImages.resized(other, 3), 0.7f) : TestImages.resized(other, 0.25));
    }

    private static String answer(Gallery g, String label, BufferedImage posted) {
        List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(posted), 8);
        return label + ": " + String.join(", ", hits.stream().map(h -> String.format(Locale.ROOT, "%s p%d d%d %.6f %s",
                h.entry().path().getFileName(), h.pHashDistance(), h.dHashDistance(), h.similarity(), h.edits().stream().sorted().toList())).toList());
    }
}
