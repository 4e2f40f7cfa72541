package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.EmbeddingEncoding;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.Serializer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schema 3 store signed a small drawing's blank page whole, as {@link Margins} did then: opened now, that one
 * signature is dropped ({@link SmallDrawingMigration}), the next incremental reindex reads only that file again, and a
 * copy of the page then finds it.
 */
class SmallDrawingMigrationTest {
    private static final int PICTURES = 4;

    @Test
    void aPageSignedWholeIsSignedAgainByTheNextReindexAndThenFound(@TempDir Path tmp) throws Exception {
        BufferedImage page = RepostGalleries.openclipart("break_carlos");
        var pictures = RepostGalleries.fixturesThen(List.of("break_carlos"), 791);
        Map<String, byte[]> before = new TreeMap<>();
        String pageSha;
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, pictures)) {
            assertEquals("pic0.png true []", RepostGalleries.lookedUp(g, page), "signed now, the page is found");
        }
        Path db = tmp.resolve("data/gallery.db");
        try (GalleryStore store = GalleryStore.open(db, EmbeddingEncoding.FP16)) {
            var signatures = store.db().hashMap(RepostSignatureMigration.MAP, Serializer.STRING, Serializer.BYTE_ARRAY).open();
            pageSha = store.file(tmp.resolve("pics/pic0.png").toString()).orElseThrow().sha256();
            DecodedImage flat = PerceptualHash.onWhite(BandedReduce.reduce(TestImages.decoded(page), 256, SharedWork.CALLER));
            signatures.put(pageSha, RepostSignature.of(flat, new Margins.Box(0, 0, flat.width(), flat.height()), true).encode());
            signatures.forEach((sha, bytes) -> before.put(sha, bytes));
            store.db().hashMap("meta", Serializer.STRING, Serializer.STRING).open().put("schemaVersion", "3");
            store.db().commit();
        }
        // as a schema 3 version left them: the hash rows saved beside the store were taken from the signature dropped
        try (var saved = java.nio.file.Files.walk(tmp.resolve("data/vectors"))) {
            saved.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (GalleryStore store = GalleryStore.open(db, EmbeddingEncoding.FP16)) {
            assertEquals(4, store.schemaVersion());
            assertTrue(store.signature(pageSha).isEmpty(), "the page signed whole is dropped");
            before.remove(pageSha);
            before.forEach((sha, bytes) -> assertArrayEquals(bytes, store.signature(sha).orElseThrow().encode(), "kept: " + sha));
        }
        // the options RepostGalleries.options made, without writing the pictures again (that would change every file)
        GalleryOptions options = GalleryOptions.builder().dataDir(tmp.resolve("data")).folders(List.of(tmp.resolve("pics")))
                .clipModels(List.of()).batchSize(4).decodeThreads(2).build();
        try (Gallery g = Gallery.open(options, new FakeInference())) {
            ReindexSummary summary = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(List.of(0, 1, PICTURES - 1), List.of(summary.added(), summary.updated(), summary.unchanged()));
            assertEquals("pic0.png true []", RepostGalleries.lookedUp(g, TestImages.resized(page, 0.5)));
        }
    }
}
