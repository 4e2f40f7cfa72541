package dev.acgbot.gallery;

import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.models.runtime.InferenceRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary's per-stage counts and times (issue 15 goal 5), with the synthetic models and with a fake engine. */
class ReindexStagesTest {
    static final Path SYNTHETIC = Path.of("../../models/synthetic");
    static final String CLIP = "synthetic-cn-clip-vit-b-16-image";
    static final String TAGGER = "synthetic-wd-vit-tagger-v3";

    @Test
    void everyStageCountsEveryImageAndTheEngineReportsPreprocessingRunsAndBusyTime(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 7);
        GalleryOptions options = GalleryOptions.builder().dataDir(tmp.resolve("data")).folders(List.of(folder))
                .clipModels(List.of(CLIP)).taggerModel(Optional.of(TAGGER)).batchSize(3).decodeThreads(2).build();
        try (InferenceRuntime runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(SYNTHETIC).modelDir(SYNTHETIC)
                .device("cpu").intraOpThreads(2).build();
             Gallery g = Gallery.open(options, runtime)) {
            ReindexSummary s = g.reindex(ReindexRequest.full(), ReindexListener.NONE, CancellationToken.none());
            ReindexStages st = s.stages();
            assertEquals(7, s.added());
            assertEquals(7, st.images());
            assertEquals(7, st.decode().images());
            assertEquals(7, st.commit().images());
            assertEquals(List.of(CLIP + " 224 7", TAGGER + " 448 7"), describe(st.preprocess()), "preprocessed per model, with its input side");
            assertEquals(List.of(CLIP + " 224 7", TAGGER + " 448 7"), describe(st.inference()), "run per model");
            assertTrue(st.engineBusy() > 0 && st.engineBusy() <= 1, "busy is a share of the wall time: " + st);
            assertEquals(st.engineBusy(), s.busyFraction());
            Duration runs = st.inference().stream().map(ReindexStages.ModelStage::time).reduce(Duration.ZERO, Duration::plus);
            assertTrue(st.engineBusy() * st.indexing().toNanos() <= runs.toNanos() + 1_000_000,
                    "the union of the models' runs is at most their sum (one model runs at a time here): " + st);
            for (ReindexStages.Stage stage : List.of(st.decode(), st.commit())) {
                assertTrue(stage.time().toNanos() > 0 && stage.imagesPerSecond() > 0, st.toString());
            }
            assertTrue(st.imagesPerSecond() > 0 && st.indexing().compareTo(s.duration()) <= 0, st.toString());

            ReindexSummary again = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals(ReindexStages.NONE, again.stages(), "nothing to index, nothing measured");
        }
    }

    @Test
    void anEngineThatReportsNothingGetsTheGallerysOwnCallTimesAndNoPreprocessing(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 8);
        try (Gallery g = Gallery.open(GalleryTest.options(tmp.resolve("data"), folder).build(), new FakeInference("h", 40))) {
            ReindexStages st = g.reindex(ReindexRequest.full(), ReindexListener.NONE, CancellationToken.none()).stages();
            assertEquals(8, st.decode().images());
            assertEquals(8, st.commit().images());
            assertEquals(List.of(), st.preprocess());
            assertEquals(List.of(FakeInference.CLIP + " 0 8"), describe(st.inference()));
            // two batches of a 40 ms engine: most of the indexing time waits for it
            assertTrue(st.engineBusy() > 0.2 && st.engineBusy() <= 1, st.toString());
        }
    }

    private static List<String> describe(List<ReindexStages.ModelStage> stages) {
        return stages.stream().map(m -> m.model() + " " + m.inputSide() + " " + m.images()).toList();
    }
}
