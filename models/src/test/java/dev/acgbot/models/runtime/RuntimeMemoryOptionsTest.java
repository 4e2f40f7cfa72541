package dev.acgbot.models.runtime;

import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.acgbot.models.runtime.SyntheticModels.solid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeMemoryOptionsTest {
    @TempDir
    Path models;

    private static final List<DecodedImage> IMAGES = List.of(solid(0xFF0000, 40, 30), solid(0x00FF00, 30, 40),
            solid(0x2040C0, 64, 64), solid(0xFFFFFF, 20, 20));

    @ParameterizedTest
    @EnumSource(value = ArenaMode.class, names = {"OFF", "KEPT"})
    void tagsAndEmbeddingsAreTheSameWithTheShrunkArenaAsWith(ArenaMode other) {
        // each list of four is one batch of four in both (the batch closes when full; a different batch split
        // changes the last bits of the tagger's scores whatever the allocator)
        try (InferenceRuntime shrunk = SyntheticModels.runtime(models).maxBatch(4).maxWait(Duration.ofSeconds(10)).build();
             InferenceRuntime plain = SyntheticModels.runtime(models).arena(other).maxBatch(4).maxWait(Duration.ofSeconds(10)).build()) {
            for (int round = 0; round < 2; round++) { // the second round runs after the arena gave its chunks back
                for (String model : List.of("synthetic-cn-clip-vit-b-16-image", "synthetic-clip-vit-b-32-image")) {
                    List<float[]> a = shrunk.embedImages(model, IMAGES);
                    List<float[]> b = plain.embedImages(model, IMAGES);
                    for (int i = 0; i < a.size(); i++) {
                        assertArrayEquals(b.get(i), a.get(i), 1e-6f, model + " image " + i);
                    }
                }
                List<TagResult> a = shrunk.tag("synthetic-wd-vit-tagger-v3", IMAGES);
                List<TagResult> b = plain.tag("synthetic-wd-vit-tagger-v3", IMAGES);
                for (int i = 0; i < a.size(); i++) {
                    List<TagScore> x = a.get(i).scores();
                    List<TagScore> y = b.get(i).scores();
                    assertEquals(y.size(), x.size());
                    for (int j = 0; j < x.size(); j++) {
                        assertEquals(y.get(j).name(), x.get(j).name());
                        assertEquals(y.get(j).score(), x.get(j).score(), 1e-6f, x.get(j).name());
                    }
                }
                float[] ta = shrunk.embedText("synthetic-colour-clip-text", "a red picture").vector();
                float[] tb = plain.embedText("synthetic-colour-clip-text", "a red picture").vector();
                assertArrayEquals(tb, ta, 1e-6f);
            }
        }
    }

    @Test
    void anIdleModelIsUnloadedAndLoadsAgainWithTheSameAnswers() throws Exception {
        String text = "synthetic-colour-clip-text";
        String eager = "synthetic-colour-clip-image";
        try (InferenceRuntime runtime = SyntheticModels.runtime(models).unloadIdle(Duration.ofMillis(200))
                .eagerLoad(eager).build()) {
            float[] before = runtime.embedText(text, "blue").vector();
            assertTrue(runtime.loaded(text));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runtime.loaded(text) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(runtime.loaded(text), "unloaded after 200 ms unused");
            assertTrue(runtime.loaded(eager), "eager models stay loaded");
            assertArrayEquals(before, runtime.embedText(text, "blue").vector(), 0f);
            assertTrue(runtime.loaded(text));
        }
    }

    @Test
    void theBudgetSetsEachModelsBatch() {
        try (InferenceRuntime runtime = SyntheticModels.runtime(models).maxBatch(8)
                .memoryBudget(MemoryBudget.parse("1g", 0), List.of("synthetic-colour-clip-image", "synthetic-colour-clip-text"))
                .build()) {
            MemoryPlan plan = runtime.memoryPlan().orElseThrow();
            assertEquals(List.of("synthetic-colour-clip-image", "synthetic-colour-clip-text"), List.copyOf(plan.models().keySet()));
            assertEquals(List.of(8, 8), plan.models().values().stream().map(MemoryPlan.ModelCost::batch).toList());
        }
    }
}
