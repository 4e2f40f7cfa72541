package dev.acgbot.bench.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX graph in an ONNX Runtime session with the product's CPU session options (all graph optimisations,
 * sequential execution, one inter-op thread), fed images or token ids plus any constant inputs (the other tower
 * of a one-graph CLIP export), reading one 2-D output.
 */
final class GraphRunner implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    GraphRunner(Path model, int intraOpThreads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(model.toString(), options);
        }
    }

    /** What to feed besides the batch, and which output to read. */
    record Feed(String input, String output, Map<String, Constant> constants) {
    }

    /** A constant input: float32 or int64 values of a shape. */
    record Constant(long[] shape, float[] floats, long[] longs) {
        static Constant floats(long[] shape, float[] values) {
            return new Constant(shape, values, null);
        }

        static Constant longs(long[] shape, long[] values) {
            return new Constant(shape, null, values);
        }
    }

    float[][] images(Feed feed, List<float[]> tensors, long[] itemShape) throws OrtException {
        int per = tensors.get(0).length;
        float[] data = new float[tensors.size() * per];
        for (int i = 0; i < tensors.size(); i++) {
            System.arraycopy(tensors.get(i), 0, data, i * per, per);
        }
        long[] shape = new long[itemShape.length + 1];
        shape[0] = tensors.size();
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        return run(feed, Constant.floats(shape, data));
    }

    /** Token ids [n, length]; a graph with an attention_mask input gets it as a constant computed here. */
    float[][] tokens(Feed feed, List<long[]> ids, String maskInput) throws OrtException {
        int len = ids.get(0).length;
        long[] flat = new long[ids.size() * len];
        long[] mask = new long[flat.length];
        for (int i = 0; i < ids.size(); i++) {
            System.arraycopy(ids.get(i), 0, flat, i * len, len);
            for (int j = 0; j < len; j++) {
                mask[i * len + j] = ids.get(i)[j] != 0 ? 1 : 0;
            }
        }
        long[] shape = {ids.size(), len};
        Feed withMask = feed;
        if (maskInput != null) {
            Map<String, Constant> c = new HashMap<>(feed.constants());
            c.put(maskInput, Constant.longs(shape, mask));
            withMask = new Feed(feed.input(), feed.output(), c);
        }
        return run(withMask, Constant.longs(shape, flat));
    }

    private float[][] run(Feed feed, Constant batch) throws OrtException {
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            tensors.put(feed.input(), tensor(batch));
            for (var e : feed.constants().entrySet()) {
                tensors.put(e.getKey(), tensor(e.getValue()));
            }
            try (OrtSession.Result r = session.run(tensors, Set.of(feed.output()))) {
                return (float[][]) r.get(0).getValue();
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tensor(Constant c) throws OrtException {
        return c.floats() != null ? OnnxTensor.createTensor(env, FloatBuffer.wrap(c.floats()), c.shape())
                : OnnxTensor.createTensor(env, LongBuffer.wrap(c.longs()), c.shape());
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
