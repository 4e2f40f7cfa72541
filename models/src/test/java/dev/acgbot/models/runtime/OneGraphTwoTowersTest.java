package dev.acgbot.models.runtime;

import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.acgbot.models.runtime.SyntheticModels.solid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Chinese-CLIP's int8 export is one graph holding both towers, read by two manifests (the synthetic twin here has the
 * same layout): the two towers hold one ONNX Runtime session, run on it at once, and it closes with the last of them.
 */
class OneGraphTwoTowersTest {
    private static final String IMAGE = "synthetic-cn-clip-vit-b-16-image-int8";
    private static final String TEXT = "synthetic-cn-clip-vit-b-16-text-int8";

    @TempDir
    Path models;

    @Test
    void bothTowersOfOneGraphFileHoldOneSessionAndAnotherFileItsOwn() {
        try (InferenceRuntime runtime = SyntheticModels.runtime(models).build()) {
            runtime.load(IMAGE);
            assertEquals(1, runtime.openSessions());
            runtime.load(TEXT);
            assertEquals(1, runtime.openSessions());
            runtime.load("synthetic-colour-clip-image");
            assertEquals(2, runtime.openSessions());
        }
    }

    @Test
    void theTowersRunOnTheSharedSessionAtOnceAndAnswerAsAlone() throws Exception {
        List<DecodedImage> pictures = List.of(solid(0xFF0000, 40, 30), solid(0x0000FF, 30, 40), solid(0xFFC0CB, 32, 32));
        List<String> words = List.of("红色", "蓝色", "樱花");
        List<float[]> imagesAlone = new ArrayList<>();
        List<float[]> textsAlone = new ArrayList<>();
        try (InferenceRuntime alone = SyntheticModels.runtime(models).build()) {
            pictures.forEach(p -> imagesAlone.add(alone.embedImages(IMAGE, List.of(p)).get(0)));
        }
        try (InferenceRuntime alone = SyntheticModels.runtime(models).build()) {
            words.forEach(w -> textsAlone.add(alone.embedText(TEXT, w).vector()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // batch 1 here as above: int8 graphs quantize activations over the whole batch, so batching moves answers (2e-4)
        try (InferenceRuntime shared = SyntheticModels.runtime(models).maxBatch(1).build()) {
            List<Future<float[]>> images = new ArrayList<>();
            List<Future<float[]>> texts = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 3; i++) {
                    int n = i;
                    images.add(pool.submit(() -> shared.embedImages(IMAGE, List.of(pictures.get(n))).get(0)));
                    texts.add(pool.submit(() -> shared.embedText(TEXT, words.get(n)).vector()));
                }
            }
            for (int k = 0; k < images.size(); k++) {
                assertArrayEquals(imagesAlone.get(k % 3), images.get(k).get(), 1e-5f, "image " + k);
                assertArrayEquals(textsAlone.get(k % 3), texts.get(k).get(), 1e-5f, "text " + k);
            }
            assertEquals(1, shared.openSessions());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSessionClosesWhenTheLastTowerHoldingItUnloads() throws Exception {
        try (InferenceRuntime runtime = SyntheticModels.runtime(models).unloadIdle(Duration.ofMillis(100)).build()) {
            runtime.embedImages(IMAGE, List.of(solid(0xFF0000, 8, 8)));
            runtime.embedText(TEXT, "红色");
            assertEquals(1, runtime.openSessions());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runtime.openSessions() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, runtime.openSessions());
            assertFalse(runtime.loaded(IMAGE) || runtime.loaded(TEXT));
            runtime.embedText(TEXT, "蓝色"); // loads again on next use
            assertEquals(1, runtime.openSessions());
        }
    }
}
