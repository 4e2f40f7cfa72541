package dev.acgbot.models.runtime.internal;

import ai.onnxruntime.OrtException;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.TextInput;
import dev.acgbot.models.runtime.DeviceRequest;
import dev.acgbot.models.text.TextTokenizer;
import dev.acgbot.models.text.Tokenizers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A model's session from load to close: opened on the requested device, checked against its manifest
 * (input names, output width), warmed up, with its tokenizer and its micro-batcher.
 */
record LoadedModel(OrtEngine engine, MicroBatcher<ModelInput, float[][]> batcher, Optional<TextTokenizer> tokenizer)
        implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.acgbot.models.runtime");

    /**
     * Throws {@link ModelUnavailableException} when files are missing, do not verify, or do not match the manifest.
     *
     * @param passengers other manifests reading the same graph, whose outputs every run reads too ({@link SharedGraph})
     * @param sessions   the runtime's open sessions: a graph file another model loaded is not loaded again
     */
    static LoadedModel open(ModelManifest manifest, List<ModelManifest> passengers, ModelFiles files,
                            RuntimeSettings settings, ModelMeter meter, OpenSessions sessions) {
        files.verify();
        long start = System.nanoTime();
        Path modelFile = files.modelFile();
        OrtEngine.Placement placement;
        try {
            placement = OrtEngine.load(modelFile, manifest.output().name(), settings.device(),
                    settings.intraOpThreads(), settings.interOpThreads(), settings.arena(), sessions);
        } catch (OrtException | RuntimeException e) {
            throw new ModelUnavailableException(manifest.id(), "model " + manifest.id() + " cannot be loaded from "
                    + modelFile + ": " + OrtEngine.rootMessage(e), e);
        }
        OrtEngine engine = placement.engine();
        Optional<TextTokenizer> tokenizer = Optional.empty();
        ModelBatches batches;
        try {
            tokenizer = manifest.tokenizer().map(t -> Tokenizers.open(t,
                    t.file().startsWith(Tokenizers.CLASSPATH_PREFIX) ? null : files.resolve(t.file())));
            engine.feedConstants(manifest.constantInputs());
            List<ModelManifest> readers = new java.util.ArrayList<>(List.of(manifest));
            readers.addAll(passengers);
            batches = new ModelBatches(readers, engine, reconcileNames(manifest, engine));
            if (settings.warmUp()) {
                warmUp(manifest, files, batches, engine, tokenizer);
            }
        } catch (RuntimeException e) {
            tokenizer.ifPresent(TextTokenizer::close);
            engine.close();
            throw new ModelUnavailableException(manifest.id(), "model " + manifest.id() + " does not match its manifest "
                    + manifest.origin() + ": " + e.getMessage(), e);
        }
        int maxBatch = manifest.dynamicBatch() ? settings.maxBatch() : manifest.fixedBatch();
        MicroBatcher<ModelInput, float[][]> batcher = new MicroBatcher<>(manifest.id(), maxBatch, settings.maxWait(),
                Math.max(settings.queueCapacity(), maxBatch), settings.submitTimeout(), meter.running(batches));
        logPlacement(manifest, settings, placement, maxBatch, start);
        return new LoadedModel(engine, batcher, tokenizer);
    }

    /**
     * The input name to feed. A graph with one input (or output) under another name than the manifest's single
     * one still runs, with one log line naming both: exports differ in names more often than in anything else.
     * Several inputs must match by name: guessing which is which would be silent. Constant inputs count as inputs.
     */
    private static String reconcileNames(ModelManifest manifest, OrtEngine engine) {
        List<String> graphInputs = engine.inputNames();
        List<String> expected;
        String input;
        if (manifest.image().isPresent()) {
            input = manifest.image().get().name();
            expected = List.of(input);
        } else {
            TextInput in = manifest.text().orElseThrow();
            input = in.name();
            expected = in.attentionMask().map(mask -> List.of(in.name(), mask)).orElseGet(() -> List.of(in.name()));
        }
        if (!manifest.constantInputs().isEmpty()) {
            List<String> all = new java.util.ArrayList<>(expected);
            for (var c : manifest.constantInputs()) {
                all.add(c.name());
            }
            expected = all;
        }
        if (!new HashSet<>(graphInputs).equals(new HashSet<>(expected))) {
            if (graphInputs.size() != 1 || expected.size() != 1) {
                throw new IllegalStateException("the graph's inputs are " + graphInputs + ", the manifest gives " + expected);
            }
            LOG.warn("model {}: the graph's input is '{}' but the manifest {} says '{}'; using '{}'", manifest.id(),
                    graphInputs.get(0), manifest.origin(), input, graphInputs.get(0));
            input = graphInputs.get(0);
        }
        List<String> outputs = engine.outputNames();
        if (!outputs.contains(engine.outputName()) && outputs.size() == 1) {
            LOG.warn("model {}: the graph's output is '{}' but the manifest {} says '{}'; using '{}'", manifest.id(),
                    outputs.get(0), manifest.origin(), engine.outputName(), outputs.get(0));
            engine.readOutput(outputs.get(0));
        }
        return input;
    }

    private static void warmUp(ModelManifest manifest, ModelFiles files, ModelBatches batches, OrtEngine engine,
                               Optional<TextTokenizer> tokenizer) {
        ModelInput item = manifest.image().isPresent()
                ? new ModelInput.Image(new float[manifest.preprocessSpec().tensorSize()])
                : new ModelInput.Text(tokenizer.orElseThrow().encode(""));
        float[] row;
        try (OrtEngine.RunHandle run = engine.newRun()) {
            row = batches.run(List.of(item), run).get(0)[0];
        }
        int expected = manifest.task() == ModelTask.TAGGER ? files.labels().size() : manifest.output().dimension();
        if (row.length != expected) {
            throw new IllegalStateException("output '" + manifest.output().name() + "' has " + row.length
                    + " values per item but " + (manifest.task() == ModelTask.TAGGER
                    ? "the label file has " + expected + " labels" : "embedding.dim is " + expected));
        }
    }

    private static void logPlacement(ModelManifest manifest, RuntimeSettings settings, OrtEngine.Placement placement,
                                     int maxBatch, long start) {
        String where = placement.engine().device();
        boolean fellBack = settings.device().kind() == DeviceRequest.Kind.GPU && where.equals("cpu");
        String line = "model {} runs on {} ({}; requested {}), batch {}, {} intra-op threads, loaded in {} ms";
        Object[] args = {manifest.id(), where, placement.note(), settings.device(),
                manifest.dynamicBatch() ? "up to " + maxBatch : "fixed " + maxBatch, settings.intraOpThreads(),
                (System.nanoTime() - start) / 1_000_000};
        if (fellBack) {
            LOG.warn(line, args);
        } else {
            LOG.info(line, args);
        }
    }

    @Override
    public void close() {
        batcher.close();
        tokenizer.ifPresent(TextTokenizer::close);
        engine.close();
    }
}
