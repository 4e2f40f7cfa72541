package dev.acgbot.bench.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the same graph through ONNX Runtime's own Java API, doing what a hand-written integration
 * does (one input buffer per batch, run, read the 2-D output), with the same session options as the DJL path.
 */
public final class OrtDirectRunner implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String input;
    private final String output;

    /** @param gpu CUDA device index, or -1 for the CPU */
    public OrtDirectRunner(Path model, String input, String output, int intraOpThreads, int gpu) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (gpu >= 0) {
                options.addCUDA(gpu);
            }
            this.session = env.createSession(model.toString(), options);
        }
        this.input = input;
        this.output = output;
    }

    public float[][] runFloats(List<float[]> items, long[] itemShape) throws OrtException {
        int per = items.get(0).length;
        float[] data = new float[items.size() * per];
        for (int i = 0; i < items.size(); i++) {
            System.arraycopy(items.get(i), 0, data, i * per, per);
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), withBatch(items.size(), itemShape))) {
            return run(t);
        }
    }

    public float[][] runLongs(List<long[]> items) throws OrtException {
        int per = items.get(0).length;
        long[] data = new long[items.size() * per];
        for (int i = 0; i < items.size(); i++) {
            System.arraycopy(items.get(i), 0, data, i * per, per);
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(data), new long[]{items.size(), per})) {
            return run(t);
        }
    }

    private float[][] run(OnnxTensor t) throws OrtException {
        try (OrtSession.Result r = session.run(Map.of(input, t), java.util.Set.of(output))) {
            return (float[][]) r.get(0).getValue();
        }
    }

    private static long[] withBatch(int n, long[] itemShape) {
        long[] s = new long[itemShape.length + 1];
        s[0] = n;
        System.arraycopy(itemShape, 0, s, 1, itemShape.length);
        return s;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
