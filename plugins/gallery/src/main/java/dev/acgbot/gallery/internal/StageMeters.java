package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.ReindexStages;
import dev.acgbot.models.api.EngineActivity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The indexer's own running totals for {@link ReindexStages}: decoding (many threads), each model call and each
 * commit. Two {@code System.nanoTime()} reads and two atomic adds per file or batch, nothing else; what happens
 * inside the engine (preprocessing, batch runs) comes from the engine's own {@link EngineActivity}.
 */
final class StageMeters {
    final Meter decode = new Meter();
    final Meter commit = new Meter();
    private final Map<String, Meter> calls = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Time and items of one stage, added from any thread. */
    static final class Meter {
        private final AtomicLong items = new AtomicLong();
        private final AtomicLong nanos = new AtomicLong();

        void time(long startNanos) {
            nanos.addAndGet(System.nanoTime() - startNanos);
        }

        void count(long n) {
            items.addAndGet(n);
        }

        ReindexStages.Stage stage() {
            return new ReindexStages.Stage(items.get(), Duration.ofNanos(nanos.get()));
        }
    }

    /** A model call of the indexer that began at {@code startNanos} over {@code images} images has returned. */
    void called(String model, int images, long startNanos) {
        Meter m = calls.computeIfAbsent(model, k -> new Meter());
        m.time(startNanos);
        m.count(images);
    }

    /**
     * @param indexNanos wall time of the indexing stage; the files through it are the ones committed
     * @param engine     what the engine did meanwhile, when it reports that
     */
    ReindexStages stages(long indexNanos, Optional<EngineActivity> engine) {
        Duration indexing = Duration.ofNanos(indexNanos);
        List<ReindexStages.ModelStage> preprocess = new ArrayList<>();
        List<ReindexStages.ModelStage> inference = new ArrayList<>();
        long busyNanos;
        if (engine.isPresent()) {
            for (EngineActivity.ModelActivity m : engine.get().models()) {
                if (m.preprocessed() > 0) {
                    preprocess.add(new ReindexStages.ModelStage(m.modelId(), m.inputSide(), m.preprocessed(),
                            Duration.ofNanos(m.preprocessNanos())));
                }
                if (m.items() > 0) {
                    inference.add(new ReindexStages.ModelStage(m.modelId(), m.inputSide(), m.items(), Duration.ofNanos(m.runNanos())));
                }
            }
            busyNanos = engine.get().runningNanos();
        } else {
            busyNanos = 0;
            synchronized (calls) {
                for (Map.Entry<String, Meter> c : calls.entrySet()) {
                    ReindexStages.Stage s = c.getValue().stage();
                    inference.add(new ReindexStages.ModelStage(c.getKey(), 0, s.images(), s.time()));
                    busyNanos += s.time().toNanos(); // the indexer calls one model at a time
                }
            }
        }
        double busy = indexNanos <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) busyNanos / indexNanos));
        ReindexStages.Stage committed = commit.stage();
        return new ReindexStages(indexing, committed.images(), decode.stage(), preprocess, inference, committed, busy);
    }
}
