package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.OutputSpec;
import dev.acgbot.models.manifest.TextInput;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one gathered batch on the engine: pads graphs with a fixed batch, feeds image tensors or tokens,
 * applies the manifest's activation and normalisation to each row; stops the run when every caller has gone.
 */
final class ModelBatches implements MicroBatcher.Runner<ModelInput, float[]> {
    private final ModelManifest manifest;
    private final OrtEngine engine;
    private final String inputName;

    /** @param inputName the graph's (single image or text-ids) input, normally the manifest's name for it */
    ModelBatches(ModelManifest manifest, OrtEngine engine, String inputName) {
        this.manifest = manifest;
        this.engine = engine;
        this.inputName = inputName;
    }

    @Override
    public List<float[]> run(List<ModelInput> batch, MicroBatcher.Abandonment abandonment) {
        try (OrtEngine.RunHandle run = engine.newRun()) {
            abandonment.whenAbandoned(run::terminate);
            return run(batch, run);
        }
    }

    /** One engine call; a graph with a fixed batch above 1 gets padded with copies of the last item. */
    List<float[]> run(List<ModelInput> batch, OrtEngine.RunHandle run) {
        int n = batch.size();
        List<ModelInput> feed = new ArrayList<>(batch);
        while (manifest.fixedBatch() > 1 && feed.size() < manifest.fixedBatch()) {
            feed.add(batch.get(n - 1));
        }
        float[][] rows;
        if (manifest.image().isPresent()) {
            List<float[]> tensors = feed.stream().map(i -> ((ModelInput.Image) i).tensor()).toList();
            rows = engine.runImages(inputName, tensors, itemShape(manifest.preprocessSpec()), run);
        } else {
            TextInput declared = manifest.text().orElseThrow();
            TextInput in = new TextInput(inputName, declared.dtype(), declared.attentionMask());
            rows = engine.runTokens(in, feed.stream().map(i -> ((ModelInput.Text) i).tokens()).toList(), run);
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

    static long[] itemShape(PreprocessSpec spec) {
        return spec.layout() == PreprocessSpec.Layout.NCHW
                ? new long[]{3, spec.height(), spec.width()}
                : new long[]{spec.height(), spec.width(), 3};
    }
}
