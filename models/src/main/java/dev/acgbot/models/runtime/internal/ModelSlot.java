package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.manifest.ManifestHash;
import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;
import dev.acgbot.models.runtime.RuntimeStats;
import dev.acgbot.models.text.TextTokenizer;
import dev.acgbot.models.text.TokenizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * One configured model as callers see it: what it is ({@link #info()}), loaded on first use (or eagerly), and
 * its items run through its micro-batcher. Files are {@link ModelFiles}' business, the session's
 * {@link LoadedModel}'s, one batch's {@link ModelBatches}'.
 *
 * <p>A caller interrupted while it waits (a command past its deadline, a cancelled reindex) cancels its
 * items; a batch all of whose items are cancelled is terminated inside ONNX Runtime.
 */
public final class ModelSlot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.acgbot.models.runtime");

    private final ModelManifest manifest;
    /** Other manifests reading this slot's graph at other outputs ({@link SharedGraph}); each run reads theirs too. */
    private final List<ModelManifest> passengers;
    private final ModelFiles files;
    private final OpenSessions sessions;
    private final RuntimeSettings settings;
    private volatile LoadedModel loaded;
    private boolean closed;
    /** Calls between {@link #acquire()} and {@link #release()}: a model in use is never unloaded. */
    private int inFlight;
    private volatile long lastUsedNanos = System.nanoTime();
    private final ModelMeter meter;

    public ModelSlot(ModelManifest manifest, ModelPaths paths, RuntimeSettings settings) {
        this(manifest, List.of(), paths, settings, new EngineClock(), new OpenSessions());
    }

    /**
     * @param passengers other manifests whose outputs every run of this slot's session reads too (the same graph)
     * @param engine     the runtime's clock of "some model is running", shared by its slots
     * @param sessions   the runtime's open sessions, shared by its slots (one session a graph file)
     */
    public ModelSlot(ModelManifest manifest, List<ModelManifest> passengers, ModelPaths paths, RuntimeSettings settings,
                     EngineClock engine, OpenSessions sessions) {
        this.manifest = manifest;
        this.sessions = sessions;
        this.passengers = List.copyOf(passengers);
        this.files = new ModelFiles(manifest, paths);
        this.settings = settings;
        this.meter = new ModelMeter(manifest.id(), manifest.image().isPresent()
                ? Math.max(manifest.preprocessSpec().width(), manifest.preprocessSpec().height()) : 0, engine);
    }

    /** Preprocessing and batch runs of this model since the runtime started (kept across unloads). */
    public dev.acgbot.models.api.EngineActivity.ModelActivity activity() {
        return meter.snapshot();
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** What callers may know; never throws: unreadable files just make the model unavailable. */
    public ModelInfo info() {
        boolean available = files.missing().isEmpty();
        int dim = manifest.output().dimension();
        String hashNow = ManifestHash.of(manifest, Map.of());
        if (available) {
            try {
                dim = manifest.task() == ModelTask.TAGGER ? files.labels().size() : dim;
                hashNow = files.manifestHash();
            } catch (RuntimeException e) {
                LOG.warn("model {}: files present but unreadable: {}", manifest.id(), e.getMessage());
                available = false;
            }
        } else if (manifest.task() == ModelTask.TAGGER) {
            dim = 0;
        }
        LoadedModel l = loaded;
        int side = manifest.image().isPresent()
                ? Math.max(manifest.preprocessSpec().width(), manifest.preprocessSpec().height()) : 0;
        return new ModelInfo(manifest.id(), manifest.task(), manifest.embeddingSpace(), dim, hashNow, available,
                l == null ? "not loaded" : l.engine().device(), side);
    }

    public RuntimeStats stats() {
        LoadedModel l = loaded;
        if (l == null) {
            return new RuntimeStats(0, 0, 0);
        }
        MicroBatcher.Stats s = l.batcher().stats();
        return new RuntimeStats(s.requests(), s.batches(), s.largestBatch());
    }

    public String manifestHash() {
        return files.manifestHash();
    }

    public TagLabels labels() {
        return files.labels();
    }

    /** Files that are absent, or whose size differs from the manifest's. */
    public List<ModelFile> missingFiles() {
        return files.missing();
    }

    /**
     * Preprocesses images and submits them one at a time on the calling thread, so the worker starts batching
     * while later images are still being prepared and at most a queue's worth of tensors sits in memory; then
     * waits for every row, in input order.
     */
    public <X> List<float[]> runImages(List<X> images, Function<X, float[]> preprocess) {
        return runImagesAllReaders(images, preprocess).stream().map(rows -> rows[0]).toList();
    }

    /**
     * As {@link #runImages}, with every reader's row of each image: this slot's own first, then its passengers' in
     * the order it was given them.
     */
    public <X> List<float[][]> runImagesAllReaders(List<X> images, Function<X, float[]> preprocess) {
        Function<X, float[]> timed = meter.preprocessing(preprocess);
        return run(images, x -> new ModelInput.Image(timed.apply(x)));
    }

    public List<float[]> runTexts(List<TokenizedText> texts) {
        return run(texts, ModelInput.Text::new).stream().map(rows -> rows[0]).toList();
    }

    /**
     * The width of this model's rows: its labels for a tagger, its embedding's dimension otherwise; throws
     * {@link ModelUnavailableException} when its files are missing (a slot whose graph another slot runs checks them so).
     */
    public int outputWidth() {
        files.verifyPresent();
        return manifest.task() == ModelTask.TAGGER ? files.labels().size() : manifest.output().dimension();
    }

    private <X> List<float[][]> run(List<X> inputs, Function<X, ModelInput> prepare) {
        LoadedModel l = acquire();
        try {
            return run(l, inputs, prepare);
        } finally {
            release();
        }
    }

    private <X> List<float[][]> run(LoadedModel l, List<X> inputs, Function<X, ModelInput> prepare) {
        List<CompletableFuture<float[][]>> futures = new ArrayList<>(inputs.size());
        try {
            for (X input : inputs) {
                futures.add(l.batcher().submit(prepare.apply(input)));
            }
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(false)); // the worker skips cancelled requests
            throw e;
        }
        List<float[][]> rows = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<float[][]> f : futures) {
                rows.add(f.get());
            }
        } catch (InterruptedException e) {
            // nobody will read these rows: skip the queued ones, terminate a run that holds only ours
            futures.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + manifest.id(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw new IllegalStateException("model " + manifest.id() + " failed: " + re.getMessage(), re);
            }
            throw new IllegalStateException("model " + manifest.id() + " failed", cause);
        }
        return rows;
    }

    public TextTokenizer tokenizer() {
        lastUsedNanos = System.nanoTime(); // the caller runs the model next: not idle
        return load().tokenizer().orElseThrow(() -> new IllegalStateException(manifest.id() + " has no tokenizer"));
    }

    /** Loads if needed; throws {@link ModelUnavailableException} when files are missing or do not verify. */
    public void ensureLoaded() {
        load();
    }

    private synchronized LoadedModel acquire() {
        LoadedModel l = load();
        inFlight++;
        return l;
    }

    private synchronized void release() {
        inFlight--;
        lastUsedNanos = System.nanoTime();
    }

    /**
     * Closes the session when nothing has used it for {@code idle} (its weights and buffers go back to the system:
     * about 460 MB for a BERT-base text tower, docs/benchmarks.md, memory); the next call loads it again.
     *
     * @return whether it was unloaded now
     */
    public synchronized boolean unloadIfIdle(java.time.Duration idle, long nowNanos) {
        LoadedModel l = loaded;
        if (l == null || inFlight > 0 || nowNanos - lastUsedNanos < idle.toNanos()) {
            return false;
        }
        loaded = null;
        l.close();
        LOG.info("model {} unloaded after {} s unused; it loads again on next use", manifest.id(),
                (nowNanos - lastUsedNanos) / 1_000_000_000L);
        return true;
    }

    /** Whether the session is open now. */
    public boolean loaded() {
        return loaded != null;
    }

    private synchronized LoadedModel load() {
        if (closed) {
            throw new IllegalStateException("inference is closed");
        }
        if (loaded == null) {
            loaded = LoadedModel.open(manifest, passengers, files, settings, meter, sessions);
        }
        return loaded;
    }

    @Override
    public synchronized void close() {
        closed = true;
        LoadedModel l = loaded;
        loaded = null;
        if (l != null) {
            l.close();
        }
    }
}
