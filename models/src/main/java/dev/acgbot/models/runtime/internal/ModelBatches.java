package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.OutputSpec;
import dev.acgbot.models.manifest.TextInput;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one gathered batch on the engine: pads graphs with a fixed batch, feeds image tensors or tokens,
 * applies each reader's activation and normalisation to its rows; stops the run when every caller has gone.
 * An item's answer holds one row per reader of the graph: the manifest's own first, then those of the
 * {@link GraphReaders} that share its session.
 */
final class ModelBatches implements MicroBatcher.Runner<ModelInput, float[][]> {
    private final ModelManifest manifest;
    private final List<ModelManifest> readers;
    private final OrtEngine engine;
    private final String inputName;
    /** The outputs each run reads: the engine's, then the passengers' that the graph has. */
    private final List<String> outputs = new ArrayList<>();

    /**
     * @param readers   the manifest itself first, then the other manifests reading the same image graph
     * @param inputName the graph's (single image or text-ids) input, normally the manifest's name for it
     */
    ModelBatches(List<ModelManifest> readers, OrtEngine engine, String inputName) {
        this.manifest = readers.get(0);
        this.readers = readers;
        this.engine = engine;
        this.inputName = inputName;
        outputs.add(engine.outputName());
        List<String> graph = engine.outputNames();
        // a passenger naming an output the graph lacks gets no rows; the holder still runs
        readers.stream().skip(1).map(r -> r.output().name()).filter(graph::contains).forEach(outputs::add);
    }

    @Override
    public List<float[][]> run(List<ModelInput> batch, MicroBatcher.Abandonment abandonment) {
        try (OrtEngine.RunHandle run = engine.newRun()) {
            abandonment.whenAbandoned(run::terminate);
            return run(batch, run);
        }
    }

    /** One engine call; a graph with a fixed batch above 1 gets padded with copies of the last item. */
    List<float[][]> run(List<ModelInput> batch, OrtEngine.RunHandle run) {
        int n = batch.size();
        List<ModelInput> feed = new ArrayList<>(batch);
        while (manifest.fixedBatch() > 1 && feed.size() < manifest.fixedBatch()) {
            feed.add(batch.get(n - 1));
        }
        float[][][] rows;
        if (manifest.image().isPresent()) {
            List<float[]> tensors = feed.stream().map(i -> ((ModelInput.Image) i).tensor()).toList();
            float[][][] read = engine.runImages(inputName, tensors, itemShape(manifest.preprocessSpec()), outputs, run);
            rows = new float[readers.size()][][];
            rows[0] = read[0];
            for (int r = 1, o = 1; r < readers.size(); r++) {
                rows[r] = outputs.subList(1, outputs.size()).contains(readers.get(r).output().name()) ? read[o++] : null;
            }
        } else {
            TextInput declared = manifest.text().orElseThrow();
            TextInput in = new TextInput(inputName, declared.dtype(), declared.attentionMask());
            rows = new float[][][]{engine.runTokens(in, feed.stream().map(i -> ((ModelInput.Text) i).tokens()).toList(), run)};
        }
        List<float[][]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[][] item = new float[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                item[r] = rows[r] == null ? null : postProcess(readers.get(r).output(), rows[r][i]);
            }
            out.add(item);
        }
        return out;
    }

    private static float[] postProcess(OutputSpec o, float[] row) {
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

    static long[] itemShape(PreprocessSpec spec) {
        return spec.layout() == PreprocessSpec.Layout.NCHW
                ? new long[]{3, spec.height(), spec.width()}
                : new long[]{spec.height(), spec.width(), 3};
    }
}
