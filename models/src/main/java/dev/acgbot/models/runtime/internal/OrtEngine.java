package dev.acgbot.models.runtime.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.acgbot.models.manifest.TextInput;
import dev.acgbot.models.runtime.DeviceRequest;
import dev.acgbot.models.text.TokenizedText;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One ONNX graph in an ONNX Runtime session, run through ONNX Runtime's own Java API so that each run gets
 * {@link OrtSession.RunOptions} it can be stopped with ({@link RunHandle#terminate()}). DJL 0.38's engine
 * cannot: its {@code OrtSymbolBlock} calls {@code session.run(inputs)} without run options and does not expose
 * the session, so a run whose callers had timed out kept the CPU busy to the end. docs/benchmarks.md
 * measured DJL's engine within 0.01 % of this API, so nothing is lost in speed.
 *
 * <p>Not thread-safe: a model's micro-batcher worker is its only caller.
 */
final class OrtEngine implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private volatile String outputName;
    private final String device;

    private OrtEngine(OrtEnvironment env, OrtSession session, String outputName, String device) {
        this.env = env;
        this.session = session;
        this.outputName = outputName;
        this.device = device;
    }

    /** The loaded engine and why it runs where it runs. */
    record Placement(OrtEngine engine, String note) {
    }

    /**
     * Loads on the requested device; a GPU request (explicit or auto) that cannot be met loads on the CPU and
     * the reason is returned in {@link Placement#note()}.
     */
    static Placement load(Path modelFile, String outputName, DeviceRequest request, int intraOpThreads,
                          int interOpThreads, boolean cpuArena) throws OrtException {
        String note;
        if (request.kind() == DeviceRequest.Kind.CPU) {
            note = "cpu requested";
        } else if (!cudaAvailable()) {
            note = "no CUDA provider in this ONNX Runtime build (build with -Pgpu for onnxruntime_gpu)";
        } else {
            try {
                return new Placement(open(modelFile, outputName, request.gpuIndex(), intraOpThreads, interOpThreads, cpuArena),
                        request + " requested");
            } catch (OrtException | RuntimeException e) {
                note = "CUDA failed on gpu:" + request.gpuIndex() + " (" + rootMessage(e) + ")";
            }
        }
        return new Placement(open(modelFile, outputName, -1, intraOpThreads, interOpThreads, cpuArena), note);
    }

    static boolean cudaAvailable() {
        try {
            return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Memory (docs/benchmarks.md, memory; random-weight ViT-B/16 stand-ins, CPU): with ONNX Runtime's CPU arena a
     * 345 MB graph held 742 MB after load and kept its largest batch's activations for good (902 MB after batch 16
     * at 224); without it, and with glibc told to map large blocks (the launcher sets MALLOC_MMAP_THRESHOLD_), 399
     * MB after load and 438 MB after batch 16. The memory pattern (one pre-planned block per input shape) is off
     * too: its peak at batch 16 was 47 MB higher and every new batch size plans another block.
     */
    private static OrtEngine open(Path modelFile, String outputName, int gpu, int intra, int inter, boolean cpuArena)
            throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intra);
            options.setInterOpNumThreads(inter);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setCPUArenaAllocator(cpuArena);
            options.setMemoryPatternOptimization(cpuArena);
            if (gpu >= 0) {
                options.addCUDA(gpu);
            }
            return new OrtEngine(env, env.createSession(modelFile.toString(), options), outputName,
                    gpu >= 0 ? "gpu:" + gpu : "cpu");
        }
    }

    List<String> inputNames() {
        return new ArrayList<>(session.getInputNames());
    }

    List<String> outputNames() {
        return new ArrayList<>(session.getOutputNames());
    }

    String outputName() {
        return outputName;
    }

    /** Reads {@code name} instead of the output named at load (a graph whose single output is named otherwise). */
    void readOutput(String name) {
        outputName = name;
    }

    /** Where the session runs: {@code cpu} or {@code gpu:N}. */
    String device() {
        return device;
    }

    /** A handle for the next run, to stop it from another thread. */
    RunHandle newRun() {
        try {
            return new RunHandle(new OrtSession.RunOptions());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create ONNX Runtime run options: " + e.getMessage(), e);
        }
    }

    /** Runs image tensors of one shape, concatenated along a new batch axis. */
    float[][] runImages(String inputName, List<float[]> tensors, long[] itemShape, RunHandle run) {
        int n = tensors.size();
        int per = tensors.get(0).length;
        float[] data = new float[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(tensors.get(i), 0, data, i * per, per);
        }
        long[] shape = new long[itemShape.length + 1];
        shape[0] = n;
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape)) {
            return run(Map.of(inputName, x), n, run);
        } catch (OrtException e) {
            throw failure(e, run);
        }
    }

    /** Runs tokenized texts (ids and, if the graph takes one, the attention mask). */
    float[][] runTokens(TextInput input, List<TokenizedText> texts, RunHandle run) {
        int n = texts.size();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(input.name(), tokens(input, texts, false));
            if (input.attentionMask().isPresent()) {
                feed.put(input.attentionMask().get(), tokens(input, texts, true));
            }
            return run(feed, n, run);
        } catch (OrtException e) {
            throw failure(e, run);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tokens(TextInput input, List<TokenizedText> texts, boolean mask) throws OrtException {
        int n = texts.size();
        int len = texts.get(0).ids().length;
        long[] shape = {n, len};
        if (input.dtype() == TextInput.TokenDtype.INT64) {
            long[] flat = new long[n * len];
            for (int i = 0; i < n; i++) {
                System.arraycopy(mask ? texts.get(i).attentionMask() : texts.get(i).ids(), 0, flat, i * len, len);
            }
            return OnnxTensor.createTensor(env, LongBuffer.wrap(flat), shape);
        }
        int[] flat = new int[n * len];
        for (int i = 0; i < n; i++) {
            long[] src = mask ? texts.get(i).attentionMask() : texts.get(i).ids();
            for (int j = 0; j < len; j++) {
                flat[i * len + j] = Math.toIntExact(src[j]);
            }
        }
        return OnnxTensor.createTensor(env, IntBuffer.wrap(flat), shape);
    }

    private float[][] run(Map<String, OnnxTensor> feed, int n, RunHandle run) throws OrtException {
        if (!session.getOutputNames().contains(outputName)) {
            throw new IllegalStateException("the graph has no output '" + outputName + "'; its outputs are "
                    + session.getOutputNames());
        }
        try (OrtSession.Result result = session.run(feed, Set.of(outputName), run.options)) {
            Optional<OnnxValue> value = result.get(outputName);
            if (value.isEmpty() || !(value.get() instanceof OnnxTensor y)) {
                throw new IllegalStateException("output '" + outputName + "' is not a tensor");
            }
            long[] shape = ((TensorInfo) y.getInfo()).getShape();
            if (shape.length != 2 || shape[0] != n) {
                throw new IllegalStateException("output '" + outputName + "' has shape " + java.util.Arrays.toString(shape)
                        + ", expected [" + n + ", D]");
            }
            FloatBuffer flat = y.getFloatBuffer();
            int d = (int) shape[1];
            float[][] rows = new float[n][d];
            for (int i = 0; i < n; i++) {
                flat.get(i * d, rows[i]);
            }
            return rows;
        }
    }

    private static RuntimeException failure(OrtException e, RunHandle run) {
        if (run.terminated()) {
            return new RunTerminatedException();
        }
        return new IllegalStateException("ONNX Runtime failed: " + rootMessage(e), e);
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
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }

    /** One run's options; {@link #terminate()} makes ONNX Runtime abandon the run at its next operator. */
    static final class RunHandle implements AutoCloseable {
        private final OrtSession.RunOptions options;
        private volatile boolean terminated;

        private RunHandle(OrtSession.RunOptions options) {
            this.options = options;
        }

        void terminate() {
            terminated = true;
            try {
                options.setTerminate(true);
            } catch (OrtException e) {
                // the run goes on to its end: the callers have gone, so only CPU time is lost
            }
        }

        boolean terminated() {
            return terminated;
        }

        @Override
        public void close() {
            options.close();
        }
    }

    /** The run was stopped because every caller waiting for it had gone (timeout, cancel). */
    static final class RunTerminatedException extends RuntimeException {
        RunTerminatedException() {
            super("the run was terminated: every caller waiting for it had gone");
        }
    }
}
