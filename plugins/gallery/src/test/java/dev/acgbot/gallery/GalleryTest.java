package dev.acgbot.gallery;

import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GalleryTest {
    private static final String CLIP = FakeInference.CLIP;

    static List<Path> writePictures(Path folder, int from, int count) {
        List<Path> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(TestImages.writePng(TestImages.picture(i), folder.resolve("sub" + (i % 3)).resolve("pic" + i + ".png")));
        }
        return out;
    }

    static GalleryOptions.Builder options(Path data, Path folder) {
        return GalleryOptions.builder().dataDir(data).folders(List.of(folder)).clipModels(List.of(CLIP)).batchSize(4).decodeThreads(2);
    }

    @Test
    void reindexAddsThenSkipsUnchangedThenFollowsChangesAndDeletions(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        List<Path> files = writePictures(folder, 0, 10);
        Files.writeString(folder.resolve("broken.png"), "not a png");
        Files.copy(files.get(0), folder.resolve("copy-of-0.png"));
        FakeInference inference = new FakeInference();
        try (Gallery g = Gallery.open(options(tmp.resolve("data"), folder).build(), inference)) {
            ReindexSummary first = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(10, first.added());
            assertEquals(1, first.updated(), "the copy is a second path of a known image");
            assertEquals(1, first.failed());
            assertTrue(first.toString().contains("added 10"), first.toString());
            assertEquals(10, g.stats().images());
            assertEquals(11, g.stats().files());
            assertEquals(10, inference.embeddedImages.get(), "identical content is embedded once");
            long generation = g.generation();

            ReindexSummary second = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(0, second.added());
            assertEquals(11, second.unchanged());
            assertEquals(0, second.failed(), "a failed file is not read again while it is unchanged");
            assertEquals(1, second.knownFailures());
            assertTrue(second.toString().contains("failed 0 (+1 unchanged since they failed)"), second.toString());
            assertEquals(generation, g.generation(), "nothing to commit");

            ReindexSummary full = g.reindex(ReindexRequest.full(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(List.of(1, 0), List.of(full.failed(), full.knownFailures()), "a full reindex retries it");
            Files.writeString(folder.resolve("broken.png"), "still not a png, but changed");
            ReindexSummary changed = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(List.of(1, 0), List.of(changed.failed(), changed.knownFailures()), "a changed file is retried");
            TestImages.writePng(TestImages.picture(200), folder.resolve("broken.png"));
            ReindexSummary fixed = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(List.of(1, 0, 0), List.of(fixed.added(), fixed.failed(), fixed.knownFailures()), "a repaired file is indexed");
            Files.delete(folder.resolve("broken.png"));
            assertEquals(1, g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none()).removed());
            generation = g.generation();

            Files.delete(files.get(1));
            TestImages.writePng(TestImages.picture(100), files.get(2)); // same path, new content
            Files.setLastModifiedTime(files.get(2), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            ReindexSummary third = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(1, third.added());
            assertEquals(1, third.removed());
            assertEquals(9, g.stats().images(), "pic1 gone, pic2 replaced by picture 100");
            assertTrue(g.generation() > generation);

            float[] query = FakeInference.embedding(TestImages.decoded(TestImages.picture(1)));
            List<SearchHit> hits = g.searchByVector(CLIP, query, 20, SearchFilter.none());
            assertEquals(9, hits.size());
            assertTrue(hits.stream().noneMatch(h -> h.entry().paths().contains(files.get(1))), "deleted file disappears");
        }
    }

    @Test
    void searchesFindTheImageFilterAndKeepStateAcrossReopen(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        List<Path> files = writePictures(folder, 0, 12);
        Path data = tmp.resolve("data");
        FakeInference inference = new FakeInference();
        GalleryOptions opts = options(data, folder).taggerModel(Optional.of(FakeInference.TAGGER)).build();
        String sha5;
        try (Gallery g = Gallery.open(opts, inference)) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            var img5 = TestImages.decoded(TestImages.picture(5));
            List<SearchHit> hits = g.searchByImage(CLIP, img5, 3, SearchFilter.none());
            assertEquals(files.get(5), hits.get(0).entry().path());
            assertEquals(1.0, hits.get(0).score(), 1e-3);
            sha5 = hits.get(0).entry().sha256();

            List<SearchHit> others = g.searchByImage(CLIP, img5, 3, SearchFilter.excluding(sha5));
            assertTrue(others.stream().noneMatch(h -> h.entry().sha256().equals(sha5)));
            assertEquals(3, others.size());

            Path sub1 = folder.resolve("sub1");
            List<SearchHit> inSub1 = g.searchByImage(CLIP, img5, 20, SearchFilter.none().inFolder(sub1));
            assertEquals(4, inSub1.size());
            assertTrue(inSub1.stream().allMatch(h -> h.entry().path().startsWith(sub1)));

            List<SearchHit> red = g.searchByText(FakeInference.TEXT, "red things", 20, SearchFilter.none().withTags(Set.of("red")));
            assertFalse(red.isEmpty());
            assertTrue(red.stream().allMatch(h -> h.entry().tags().containsKey("red")));
            assertEquals(FakeInference.TAGGER, red.get(0).entry().taggerModel());
            assertTrue(red.stream().allMatch(h -> h.entry().rating() == ContentRating.EXPLICIT), "rated at index time");
            assertTrue(g.searchByText(FakeInference.TEXT, "blue things", 20, SearchFilter.none().withTags(Set.of("blue"))).stream()
                    .allMatch(h -> h.entry().rating() == ContentRating.SAFE));

            List<DuplicateHit> dups = g.findDuplicates(TestImages.decoded(TestImages.resized(TestImages.picture(7), 0.5)), 10);
            assertEquals(files.get(7), dups.get(0).entry().path());
            List<DuplicateHit> mirrored = g.findDuplicates(TestImages.decoded(TestImages.mirrored(TestImages.picture(8))), 8);
            assertEquals(files.get(8), mirrored.get(0).entry().path(), "a mirrored repost is still a duplicate");
            List<DuplicateHit> captioned = g.findDuplicates(TestImages.decoded(TestImages.captioned(TestImages.picture(9), true)), 8);
            assertEquals(files.get(9), captioned.get(0).entry().path(), "a repost with a caption band is a duplicate");
            assertEquals(Set.of(RepostEdit.BORDER), captioned.get(0).edits(), "the band is named as a border");
        }
        try (Gallery g = Gallery.open(opts, inference)) {
            assertEquals(12, g.stats().images());
            assertEquals(sha5, g.searchByImage(CLIP, TestImages.decoded(TestImages.picture(5)), 1, SearchFilter.none()).get(0).entry().sha256());
            assertEquals(12, g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none()).unchanged());
        }
    }

    @Test
    void aChangedModelManifestReembedsEverything(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        writePictures(folder, 0, 6);
        Path data = tmp.resolve("data");
        try (Gallery g = Gallery.open(options(data, folder).build(), new FakeInference("v1", 0))) {
            assertEquals(6, g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none()).added());
        }
        FakeInference v2 = new FakeInference("v2", 0);
        try (Gallery g = Gallery.open(options(data, folder).build(), v2)) {
            assertEquals(0, g.stats().embeddings().get(CLIP), "vectors of another model version are not loaded");
            ReindexSummary s = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(6, s.updated());
            assertEquals(0, s.unchanged());
            assertEquals(6, v2.embeddedImages.get());
            assertEquals(6, g.stats().embeddings().get(CLIP));
            g.stats();
            String sha = g.searchByVector(CLIP, FakeInference.embedding(TestImages.decoded(TestImages.picture(0))), 1, SearchFilter.none()).get(0).entry().sha256();
            assertEquals("v2", g.entry(sha).orElseThrow().embeddings().get(CLIP));
        }
    }

    @Test
    void searchesDuringAReindexSeeWholeBatchesAndGenerationsOnlyGrow(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        writePictures(folder, 0, 24);
        FakeInference slow = new FakeInference("h", 40);
        try (Gallery g = Gallery.open(options(tmp.resolve("data"), folder).build(), slow)) {
            AtomicReference<ReindexSummary> result = new AtomicReference<>();
            List<ReindexProgress> progress = new CopyOnWriteArrayList<>();
            Thread t = new Thread(() -> result.set(g.reindex(ReindexRequest.incremental(), progress::add, CancellationToken.none())));
            t.start();
            float[] q = FakeInference.embedding(TestImages.decoded(TestImages.picture(3)));
            List<Integer> sizes = new ArrayList<>();
            long lastGen = -1;
            while (t.isAlive()) {
                long gen = g.generation();
                assertTrue(gen >= lastGen);
                lastGen = gen;
                int n = g.searchByVector(CLIP, q, 100, SearchFilter.none()).size();
                sizes.add(n);
                assertEquals(0, n % 4, "a search sees whole batches of 4, never part of one: " + n);
                Thread.sleep(5);
            }
            t.join();
            assertEquals(24, result.get().added());
            assertEquals(24, g.searchByVector(CLIP, q, 100, SearchFilter.none()).size());
            assertTrue(sizes.stream().anyMatch(n -> n > 0 && n < 24), "searches ran while batches were committing: " + sizes);
            assertTrue(Collections.max(sizes) <= 24);
            assertTrue(progress.stream().anyMatch(p -> p.phase() == ReindexProgress.Phase.INDEXING && p.done() == 24 && p.total() == 24));
            assertTrue(result.get().busyFraction() > 0.2, "the slow engine was busy most of the time: " + result.get());
        }
    }

    @Test
    void cancelKeepsCommittedBatchesAndTheNextRunFinishes(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        writePictures(folder, 0, 16);
        CancellationToken token = new CancellationToken();
        try (Gallery g = Gallery.open(options(tmp.resolve("data"), folder).build(), new FakeInference("h", 20))) {
            ReindexSummary s = g.reindex(ReindexRequest.incremental(), p -> {
                if (p.phase() == ReindexProgress.Phase.INDEXING && p.done() >= 8) {
                    token.cancel();
                }
            }, token);
            assertTrue(s.cancelled());
            assertTrue(s.toString().startsWith("cancelled"));
            int kept = g.stats().images();
            assertTrue(kept >= 8 && kept < 16, "kept " + kept);
            ReindexSummary rest = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(16 - kept, rest.added());
            assertEquals(kept, rest.unchanged());
        }
    }

    @Test
    void approximateModeBuildsAPersistedGraphThatReopenLoads(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        writePictures(folder, 0, 30);
        Path data = tmp.resolve("data");
        GalleryOptions opts = options(data, folder).indexMode(IndexMode.APPROXIMATE).build();
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals("graph", g.stats().indexKinds().get(CLIP));
        }
        Path graph = data.resolve("graphs").resolve(CLIP + ".graph");
        assertTrue(Files.isRegularFile(graph));
        var written = Files.getLastModifiedTime(graph);
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals("graph", g.stats().indexKinds().get(CLIP));
            var q = TestImages.decoded(TestImages.picture(11));
            assertEquals(1.0, g.searchByImage(CLIP, q, 1, SearchFilter.none()).get(0).score(), 1e-3);
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
        }
        assertEquals(written, Files.getLastModifiedTime(graph), "an unchanged gallery does not rebuild its graph");
        try (Gallery g = Gallery.open(options(data, folder).indexMode(IndexMode.EXACT).build(), new FakeInference())) {
            assertEquals("exact", g.stats().indexKinds().get(CLIP));
        }
    }

}
