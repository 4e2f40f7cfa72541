package dev.acgbot.models.runtime.internal;

import ai.djl.MalformedModelException;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.fetch.FileChecksums;
import dev.acgbot.models.fetch.PlacementAdvice;
import dev.acgbot.models.manifest.ManifestHash;
import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;
import dev.acgbot.models.manifest.OutputSpec;
import dev.acgbot.models.manifest.TextInput;
import dev.acgbot.models.preprocess.PreprocessSpec;
import dev.acgbot.models.runtime.RuntimeStats;
import dev.acgbot.models.text.TextTokenizer;
import dev.acgbot.models.text.TokenizedText;
import dev.acgbot.models.text.Tokenizers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * One configured model: checks its files, loads it on first use (or eagerly), warms it up, and owns its
 * engine and micro-batcher. Items go in preprocessed (float tensors) or tokenized; raw output rows come back.
 */
public final class ModelSlot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.acgbot.models.runtime");

    private final ModelManifest manifest;
    private final ModelPaths paths;
    private final RuntimeSettings settings;
    private volatile Loaded loaded;
    private volatile String hash;
    private volatile TagLabels labels;
    private boolean closed;

    private record Loaded(DjlOnnxEngine engine, MicroBatcher<Object, float[]> batcher,
                          Optional<TextTokenizer> tokenizer) {
    }

    public ModelSlot(ModelManifest manifest, ModelPaths paths, RuntimeSettings settings) {
        this.manifest = manifest;
        this.paths = paths;
        this.settings = settings;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** What callers may know; never throws: unreadable files just make the model unavailable. */
    public ModelInfo info() {
        boolean available = missingFiles().isEmpty();
        int dim = manifest.output().dimension();
        String hashNow = ManifestHash.of(manifest, Map.of());
        if (available) {
            try {
                dim = manifest.task() == ModelTask.TAGGER ? labels().size() : dim;
                hashNow = manifestHash();
            } catch (RuntimeException e) {
                LOG.warn("model {}: files present but unreadable: {}", manifest.id(), e.getMessage());
                available = false;
            }
        } else if (manifest.task() == ModelTask.TAGGER) {
            dim = 0;
        }
        Loaded l = loaded;
        int side = manifest.image().isPresent()
                ? Math.max(manifest.preprocessSpec().width(), manifest.preprocessSpec().height()) : 0;
        return new ModelInfo(manifest.id(), manifest.task(), manifest.embeddingSpace(), dim, hashNow, available,
                l == null ? "not loaded" : l.engine().device(), side);
    }

    public RuntimeStats stats() {
        Loaded l = loaded;
        if (l == null) {
            return new RuntimeStats(0, 0, 0);
        }
        MicroBatcher.Stats s = l.batcher().stats();
        return new RuntimeStats(s.requests(), s.batches(), s.largestBatch());
    }

    /** The manifest hash with each file's checksum (the manifest's, or computed where it says unknown). */
    public String manifestHash() {
        String h = hash;
        if (h == null) {
            Map<String, String> sums = new HashMap<>();
            for (ModelFile f : manifest.files()) {
                if (f.sha256().isEmpty()) {
                    sums.put(f.name(), FileChecksums.sha256(paths.resolve(manifest, f)));
                }
            }
            hash = h = ManifestHash.of(manifest, sums);
        }
        return h;
    }

    public TagLabels labels() {
        TagLabels l = labels;
        if (l == null) {
            var spec = manifest.labels().orElseThrow(() -> new IllegalStateException(manifest.id() + " has no labels"));
            labels = l = TagLabels.read(paths.resolve(manifest, spec.file()), spec.format());
        }
        return l;
    }

    /** Files that are absent, or whose size differs from the manifest's. */
    public List<ModelFile> missingFiles() {
        List<ModelFile> missing = new ArrayList<>();
        for (ModelFile f : manifest.files()) {
            Path p = paths.resolve(manifest, f);
            try {
                if (!Files.isRegularFile(p) || (f.size() >= 0 && Files.size(p) != f.size())) {
                    missing.add(f);
                }
            } catch (IOException e) {
                missing.add(f);
            }
        }
        return missing;
    }

    /** Submits items and waits for their rows, in order. */
    public List<float[]> run(List<?> items) {
        return run(items, x -> x);
    }

    /**
     * Prepares (preprocesses, tokenizes) and submits inputs one at a time on the calling thread, so the worker
     * starts batching while later inputs are still being prepared and at most a queue's worth of tensors sits in
     * memory; then waits for every row, in input order.
     */
    public <X> List<float[]> run(List<X> inputs, Function<X, Object> prepare) {
        Loaded l = load();
        List<CompletableFuture<float[]>> futures = new ArrayList<>(inputs.size());
        try {
            for (X input : inputs) {
                futures.add(l.batcher().submit(prepare.apply(input)));
            }
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(false)); // the worker skips cancelled requests
            throw e;
        }
        List<float[]> rows = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<float[]> f : futures) {
                rows.add(f.get());
            }
        } catch (InterruptedException e) {
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
        return load().tokenizer().orElseThrow(() -> new IllegalStateException(manifest.id() + " has no tokenizer"));
    }

    /** Loads if needed; throws {@link ModelUnavailableException} when files are missing or do not verify. */
    public void ensureLoaded() {
        load();
    }

    private synchronized Loaded load() {
        if (closed) {
            throw new IllegalStateException("inference is closed");
        }
        if (loaded != null) {
            return loaded;
        }
        List<ModelFile> missing = missingFiles();
        if (!missing.isEmpty()) {
            throw new ModelUnavailableException(manifest.id(), "model " + manifest.id() + " is not available: "
                    + "missing or incomplete files:" + PlacementAdvice.forFiles(manifest, paths, missing));
        }
        verifyChecksums();
        long start = System.nanoTime();
        Path modelFile = paths.resolve(manifest, manifest.modelFile());
        DjlOnnxEngine.Placement placement;
        try {
            placement = DjlOnnxEngine.load(modelFile, manifest.output().name(), settings.device(),
                    settings.intraOpThreads(), settings.interOpThreads());
        } catch (IOException | MalformedModelException e) {
            throw new ModelUnavailableException(manifest.id(), "model " + manifest.id() + " cannot be loaded from "
                    + modelFile + ": " + DjlOnnxEngine.rootMessage(e), e);
        }
        DjlOnnxEngine engine = placement.engine();
        Optional<TextTokenizer> tokenizer = Optional.empty();
        try {
            tokenizer = manifest.tokenizer().map(t -> Tokenizers.open(t,
                    t.file().startsWith(Tokenizers.CLASSPATH_PREFIX) ? null : paths.resolve(manifest, t.file())));
            List<String> graphInputs = engine.inputNames();
            if (!new java.util.HashSet<>(graphInputs).equals(new java.util.HashSet<>(manifestInputs()))) {
                throw new IllegalStateException("the graph's inputs are " + graphInputs + ", the manifest gives "
                        + manifestInputs());
            }
            if (settings.warmUp()) {
                warmUp(engine, tokenizer);
            }
        } catch (RuntimeException e) {
            tokenizer.ifPresent(TextTokenizer::close);
            engine.close();
            throw new ModelUnavailableException(manifest.id(), "model " + manifest.id() + " does not match its manifest "
                    + manifest.origin() + ": " + e.getMessage(), e);
        }
        int maxBatch = manifest.dynamicBatch() ? settings.maxBatch() : manifest.fixedBatch();
        Optional<TextTokenizer> tok = tokenizer;
        MicroBatcher<Object, float[]> batcher = new MicroBatcher<>(manifest.id(), maxBatch, settings.maxWait(),
                Math.max(settings.queueCapacity(), maxBatch), settings.submitTimeout(), batch -> runBatch(engine, batch));
        loaded = new Loaded(engine, batcher, tok);
        String where = engine.device();
        boolean fellBack = settings.device().kind() == dev.acgbot.models.runtime.DeviceRequest.Kind.GPU
                && where.equals("cpu");
        String line = "model {} runs on {} ({}; requested {}), batch {}, {} intra-op threads, loaded in {} ms";
        Object[] args = {manifest.id(), where, placement.note(), settings.device(),
                manifest.dynamicBatch() ? "up to " + maxBatch : "fixed " + maxBatch, settings.intraOpThreads(),
                (System.nanoTime() - start) / 1_000_000};
        if (fellBack) {
            LOG.warn(line, args);
        } else {
            LOG.info(line, args);
        }
        return loaded;
    }

    private void verifyChecksums() {
        for (ModelFile f : manifest.files()) {
            if (f.sha256().isPresent()) {
                Path p = paths.resolve(manifest, f);
                String actual;
                try {
                    actual = FileChecksums.sha256(p);
                } catch (UncheckedIOException e) {
                    throw new ModelUnavailableException(manifest.id(), "cannot read " + p + ": " + e.getMessage(), e);
                }
                if (!actual.equals(f.sha256().get())) {
                    throw new ModelUnavailableException(manifest.id(), "model " + manifest.id() + ": " + p
                            + " has sha256 " + actual + " but the manifest expects " + f.sha256().get()
                            + "; delete it and fetch again:" + PlacementAdvice.forFiles(manifest, paths, List.of(f)));
                }
            }
        }
    }

    private void warmUp(DjlOnnxEngine engine, Optional<TextTokenizer> tokenizer) {
        Object item = manifest.image().isPresent()
                ? new float[manifest.preprocessSpec().tensorSize()]
                : tokenizer.orElseThrow().encode("");
        float[][] rows = runBatch(engine, List.of(item)).toArray(float[][]::new);
        int expected = manifest.task() == ModelTask.TAGGER ? labels().size() : manifest.output().dimension();
        if (rows[0].length != expected) {
            throw new IllegalStateException("output '" + manifest.output().name() + "' has " + rows[0].length
                    + " values per item but " + (manifest.task() == ModelTask.TAGGER
                    ? "the label file has " + expected + " labels" : "embedding.dim is " + expected));
        }
    }

    /** One engine call; a graph with a fixed batch above 1 gets padded with copies of the last item. */
    private List<float[]> runBatch(DjlOnnxEngine engine, List<Object> batch) {
        int n = batch.size();
        List<Object> feed = new ArrayList<>(batch);
        while (manifest.fixedBatch() > 1 && feed.size() < manifest.fixedBatch()) {
            feed.add(batch.get(n - 1));
        }
        float[][] rows;
        if (manifest.image().isPresent()) {
            List<float[]> tensors = feed.stream().map(o -> (float[]) o).toList();
            rows = engine.runImages(manifest.image().get().name(), tensors, itemShape(manifest.preprocessSpec()));
        } else {
            TextInput in = manifest.text().orElseThrow();
            rows = engine.runTokens(in, feed.stream().map(o -> (TokenizedText) o).toList());
        }
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(postProcess(rows[i]));
        }
        return out;
    }

    private float[] postProcess(float[] row) {
        OutputSpec o = manifest.output();
        if (o.activation() == OutputSpec.Activation.SIGMOID) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (1.0 / (1.0 + Math.exp(-row[i])));
            }
        }
        if (o.l2Normalize()) {
            double sum = 0;
            for (float v : row) {
                sum += (double) v * v;
            }
            if (sum > 0) {
                float inv = (float) (1.0 / Math.sqrt(sum));
                for (int i = 0; i < row.length; i++) {
                    row[i] *= inv;
                }
            }
        }
        return row;
    }

    private List<String> manifestInputs() {
        if (manifest.image().isPresent()) {
            return List.of(manifest.image().get().name());
        }
        TextInput in = manifest.text().orElseThrow();
        return in.attentionMask().map(mask -> List.of(in.name(), mask)).orElseGet(() -> List.of(in.name()));
    }

    static long[] itemShape(PreprocessSpec spec) {
        return spec.layout() == PreprocessSpec.Layout.NCHW
                ? new long[]{3, spec.height(), spec.width()}
                : new long[]{spec.height(), spec.width(), 3};
    }

    @Override
    public synchronized void close() {
        closed = true;
        Loaded l = loaded;
        loaded = null;
        if (l != null) {
            l.batcher().close();
            l.tokenizer().ifPresent(TextTokenizer::close);
            l.engine().close();
        }
    }
}
