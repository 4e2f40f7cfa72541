package dev.acgbot.models.runtime;

import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void withoutTheCpuArenaTagsAndEmbeddingsAreTheSameAsWithIt() {
        // each list of four is one batch of four in both (the batch closes when full; a different batch split
        // changes the last bits of the tagger's scores whatever the allocator)
        try (InferenceRuntime arena = SyntheticModels.runtime(models).cpuArena(true).maxBatch(4).maxWait(Duration.ofSeconds(10)).build();
             InferenceRuntime plain = SyntheticModels.runtime(models).maxBatch(4).maxWait(Duration.ofSeconds(10)).build()) {
            for (String model : List.of("synthetic-cn-clip-vit-b-16-image", "synthetic-clip-vit-b-32-image")) {
                List<float[]> a = arena.embedImages(model, IMAGES);
                List<float[]> b = plain.embedImages(model, IMAGES);
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i), b.get(i), 1e-6f, model + " image " + i);
                }
            }
            List<TagResult> a = arena.tag("synthetic-wd-vit-tagger-v3", IMAGES);
            List<TagResult> b = plain.tag("synthetic-wd-vit-tagger-v3", IMAGES);
            for (int i = 0; i < a.size(); i++) {
                List<TagScore> x = a.get(i).scores();
                List<TagScore> y = b.get(i).scores();
                assertEquals(x.size(), y.size());
                for (int j = 0; j < x.size(); j++) {
                    assertEquals(x.get(j).name(), y.get(j).name());
                    assertEquals(x.get(j).score(), y.get(j).score(), 1e-6f, x.get(j).name());
                }
            }
            float[] ta = arena.embedText("synthetic-colour-clip-text", "a red picture").vector();
            float[] tb = plain.embedText("synthetic-colour-clip-text", "a red picture").vector();
            assertArrayEquals(ta, tb, 1e-6f);
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
