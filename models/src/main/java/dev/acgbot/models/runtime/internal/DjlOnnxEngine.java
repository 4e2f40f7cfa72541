package dev.acgbot.models.runtime.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.acgbot.models.manifest.TextInput;
import dev.acgbot.models.runtime.DeviceRequest;
import dev.acgbot.models.text.DjlOffline;
import dev.acgbot.models.text.TokenizedText;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * One ONNX graph run through DJL's OnnxRuntime engine. Not thread-safe: a model's micro-batcher worker is its
 * only caller. Inputs are fed by name, the output is picked by name.
 */
public final class DjlOnnxEngine implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private volatile String outputName;
    private volatile java.util.function.Consumer<String> renameListener;
    private final String device;

    private DjlOnnxEngine(ZooModel<NDList, NDList> model, String outputName, String device) {
        this.model = model;
        this.predictor = model.newPredictor(new NoopTranslator());
        this.outputName = outputName;
        this.device = device;
    }

    /** The graph's input names, for error messages. */
    public List<String> inputNames() {
        return model.describeInput().keys();
    }

    /**
     * Called once, with the graph's name, when the graph's only output is not the one the manifest names: the
     * engine then reads that output. (DJL cannot list ONNX outputs before a run, so this shows at warm-up.)
     */
    public void onSingleOutputRenamed(java.util.function.Consumer<String> listener) {
        renameListener = listener;
    }

    /** Where the session runs: {@code cpu} or {@code gpu:N}. */
    public String device() {
        return device;
    }

    /** Whether this ONNX Runtime build can run on CUDA at all (onnxruntime_gpu, the {@code gpu} Maven profile). */
    public static boolean cudaAvailable() {
        try {
            return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Loads on the requested device; a GPU request (explicit or auto) that cannot be met loads on the CPU and
     * the reason is returned in {@link Placement#note()}.
     */
    public static Placement load(Path modelFile, String outputName, DeviceRequest request, int intraOpThreads,
                                 int interOpThreads) throws IOException, MalformedModelException {
        DjlOffline.ensure();
        String note;
        if (request.kind() == DeviceRequest.Kind.CPU) {
            note = "cpu requested";
        } else if (!cudaAvailable()) {
            note = "no CUDA provider in this ONNX Runtime build (build with -Pgpu for onnxruntime_gpu)";
        } else {
            try {
                return new Placement(open(modelFile, outputName, request.gpuIndex(), intraOpThreads, interOpThreads),
                        request + " requested");
            } catch (OrtException | IOException | MalformedModelException | RuntimeException e) {
                note = "CUDA failed on gpu:" + request.gpuIndex() + " (" + rootMessage(e) + ")";
            }
        }
        try {
            return new Placement(open(modelFile, outputName, -1, intraOpThreads, interOpThreads), note);
        } catch (OrtException e) {
            throw new MalformedModelException("cannot configure ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** The loaded engine and why it runs where it runs. */
    public record Placement(DjlOnnxEngine engine, String note) {
    }

    private static DjlOnnxEngine open(Path modelFile, String outputName, int gpu, int intra, int inter)
            throws OrtException, IOException, MalformedModelException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(intra);
            options.setInterOpNumThreads(inter);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (gpu >= 0) {
                options.addCUDA(gpu);
            }
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine("OnnxRuntime")
                    .optModelPath(modelFile)
                    .optDevice(Device.cpu()) // tensors are built on the host; ONNX Runtime copies to CUDA itself
                    .optArgument("sessionOptions", options)
                    .optTranslator(new NoopTranslator())
                    .build();
            ZooModel<NDList, NDList> model = criteria.loadModel();
            return new DjlOnnxEngine(model, outputName, gpu >= 0 ? "gpu:" + gpu : "cpu");
        } catch (ModelNotFoundException e) {
            options.close();
            throw new IOException("ONNX model not found at " + modelFile, e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /** Runs {@code n} image tensors of {@code perItem} floats each with the given per-item shape. */
    public float[][] runImages(String inputName, List<float[]> tensors, long[] itemShape) {
        int n = tensors.size();
        int per = tensors.get(0).length;
        float[] data = new float[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(tensors.get(i), 0, data, i * per, per);
        }
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(FloatBuffer.wrap(data), withBatch(n, itemShape));
            x.setName(inputName);
            return run(new NDList(x), n);
        }
    }

    /** Runs tokenized texts (ids and, if the graph takes one, the attention mask). */
    public float[][] runTokens(TextInput input, List<TokenizedText> texts) {
        int n = texts.size();
        int len = texts.get(0).ids().length;
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDList in = new NDList();
            in.add(tokens(batch, input, input.name(), texts, len, false));
            input.attentionMask().ifPresent(mask -> in.add(tokens(batch, input, mask, texts, len, true)));
            return run(in, n);
        }
    }

    private static NDArray tokens(NDManager m, TextInput input, String name, List<TokenizedText> texts, int len,
                                  boolean mask) {
        int n = texts.size();
        Shape shape = new Shape(n, len);
        NDArray a;
        if (input.dtype() == TextInput.TokenDtype.INT64) {
            long[] flat = new long[n * len];
            for (int i = 0; i < n; i++) {
                System.arraycopy(mask ? texts.get(i).attentionMask() : texts.get(i).ids(), 0, flat, i * len, len);
            }
            a = m.create(LongBuffer.wrap(flat), shape);
        } else {
            int[] flat = new int[n * len];
            for (int i = 0; i < n; i++) {
                long[] src = mask ? texts.get(i).attentionMask() : texts.get(i).ids();
                for (int j = 0; j < len; j++) {
                    flat[i * len + j] = Math.toIntExact(src[j]);
                }
            }
            a = m.create(IntBuffer.wrap(flat), shape);
        }
        a.setName(name);
        return a;
    }

    private float[][] run(NDList inputs, int n) {
        NDList out;
        try {
            out = predictor.predict(inputs);
        } catch (TranslateException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + rootMessage(e), e);
        }
        try (out) {
            NDArray y = out.get(outputName);
            if (y == null && out.size() == 1 && renameListener != null) {
                y = out.get(0);
                outputName = y.getName();
                renameListener.accept(outputName);
            }
            if (y == null) {
                throw new IllegalStateException("the graph has no output '" + outputName + "'; its outputs are "
                        + out.stream().map(NDArray::getName).toList());
            }
            long[] shape = y.getShape().getShape();
            if (shape.length != 2 || shape[0] != n) {
                throw new IllegalStateException("output '" + outputName + "' has shape " + y.getShape()
                        + ", expected [" + n + ", D]");
            }
            float[] flat = y.toFloatArray();
            int d = (int) shape[1];
            float[][] rows = new float[n][d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * d, rows[i], 0, d);
            }
            return rows;
        }
    }

    private static Shape withBatch(int n, long[] itemShape) {
        long[] s = new long[itemShape.length + 1];
        s[0] = n;
        System.arraycopy(itemShape, 0, s, 1, itemShape.length);
        return new Shape(s);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
