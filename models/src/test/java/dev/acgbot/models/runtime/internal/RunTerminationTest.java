package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.runtime.DeviceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11.4: when every caller of a running batch has gone, ONNX Runtime stops the run instead of finishing it. */
class RunTerminationTest {
    private static final int BATCH = 1024;

    @Test
    void aRunWhoseCallersAllGaveUpIsTerminatedAndTheNextBatchRunsAtOnce(@TempDir Path tmp) throws Exception {
        Path model = SlowGraph.write(tmp.resolve("slow.onnx"), 3000);
        OrtEngine engine = OrtEngine.load(model, "y", DeviceRequest.parse("cpu"), 1, 1, false).engine();
        try (engine) {
            long[] shape = {SlowGraph.WIDTH};
            float[] item = new float[SlowGraph.WIDTH];
            item[3] = 2f;
            List<float[]> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(item);
            }
            long t0 = System.nanoTime();
            try (OrtEngine.RunHandle run = engine.newRun()) {
                float[][] rows = engine.runImages("x", batch, shape, run);
                assertArrayEquals(item, rows[0], "identity weights: the graph returns its input");
            }
            long fullRunMillis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(fullRunMillis > 400, "the graph must be slow enough to see a termination: " + fullRunMillis + " ms");

            MicroBatcher.Runner<ModelInput, float[]> runner = (items, abandonment) -> {
                try (OrtEngine.RunHandle run = engine.newRun()) {
                    abandonment.whenAbandoned(run::terminate);
                    // the marked item runs as the slow full batch, any other alone (fast)
                    float[] tensor = ((ModelInput.Image) items.get(0)).tensor();
                    List<float[]> feed = tensor[3] == 2f ? batch : List.of(tensor);
                    return List.of(engine.runImages("x", feed, shape, run)[0]);
                }
            };
            try (MicroBatcher<ModelInput, float[]> batcher = new MicroBatcher<>("slow", 1, Duration.ZERO, 4,
                    Duration.ofSeconds(5), runner)) {
                CompletableFuture<float[]> abandoned = batcher.submit(new ModelInput.Image(item));
                Thread.sleep(Math.min(200, fullRunMillis / 4)); // the run is under way
                long cancelledAt = System.nanoTime();
                abandoned.cancel(false); // what ModelSlot does for a caller interrupted at its deadline
                float[] next = batcher.submit(new ModelInput.Image(new float[SlowGraph.WIDTH])).get(fullRunMillis * 3, TimeUnit.MILLISECONDS);
                long waitedMillis = (System.nanoTime() - cancelledAt) / 1_000_000;
                assertArrayEquals(new float[SlowGraph.WIDTH], next);
                // the next item waited for the terminated run plus its own (a batch of 1 is 1/1024 of the full run);
                // without termination it would wait for the rest of the full run
                assertTrue(waitedMillis < fullRunMillis / 2, "waited " + waitedMillis + " ms after the cancel; a full run takes "
                        + fullRunMillis + " ms");
            }
        }
    }
}
