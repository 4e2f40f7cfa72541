package dev.acgbot.models.runtime.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.acgbot.models.manifest.ConstantInput;
import dev.acgbot.models.manifest.TextInput;
import dev.acgbot.models.runtime.ArenaMode;
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
    /** Where the session came from: given back there on close (another model may hold it still). */
    private final OpenSessions sessions;
    private final OpenSessions.Key key;
    private volatile String outputName;
    private final String device;
    private final boolean shrinkArena;
    /** Tensors fed on every run besides the model's own input (another tower's inputs); closed with the engine. */
    private final Map<String, OnnxTensor> constants = new HashMap<>();

    private OrtEngine(OrtEnvironment env, OpenSessions sessions, OpenSessions.Key key, String outputName)
            throws OrtException {
        this.env = env;
        this.sessions = sessions;
        this.key = key;
        this.session = sessions.acquire(key, k -> {
            try (OrtSession.SessionOptions options = options(k)) {
                return env.createSession(k.file().toString(), options);
            }
        });
        this.outputName = outputName;
        this.device = key.gpu() >= 0 ? "gpu:" + key.gpu() : "cpu";
        this.shrinkArena = key.arena() == ArenaMode.SHRUNK;
    }

    /** The loaded engine and why it runs where it runs. */
    record Placement(OrtEngine engine, String note) {
    }

    /**
     * Loads on the requested device; a GPU request (explicit or auto) that cannot be met loads on the CPU and
     * the reason is returned in {@link Placement#note()}.
     */
    static Placement load(Path modelFile, String outputName, DeviceRequest request, int intraOpThreads,
                          int interOpThreads, ArenaMode arena) throws OrtException {
        return load(modelFile, outputName, request, intraOpThreads, interOpThreads, arena, new OpenSessions());
    }

    /** As {@link #load(Path, String, DeviceRequest, int, int, ArenaMode)}, holding a session of {@code sessions}. */
    static Placement load(Path modelFile, String outputName, DeviceRequest request, int intraOpThreads,
                          int interOpThreads, ArenaMode arena, OpenSessions sessions) throws OrtException {
        Path file = OpenSessions.canonical(modelFile);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        String note;
        if (request.kind() == DeviceRequest.Kind.CPU) {
            note = "cpu requested";
        } else if (!cudaAvailable()) {
            note = "no CUDA provider in this ONNX Runtime build (build with -Pgpu for onnxruntime_gpu)";
        } else {
            try {
                OpenSessions.Key onGpu = new OpenSessions.Key(file, request.gpuIndex(), intraOpThreads, interOpThreads, arena);
                return new Placement(new OrtEngine(env, sessions, onGpu, outputName), request + " requested");
            } catch (OrtException | RuntimeException e) {
                note = "CUDA failed on gpu:" + request.gpuIndex() + " (" + rootMessage(e) + ")";
            }
        }
        OpenSessions.Key onCpu = new OpenSessions.Key(file, -1, intraOpThreads, interOpThreads, arena);
        return new Placement(new OrtEngine(env, sessions, onCpu, outputName), note);
    }

    static boolean cudaAvailable() {
        try {
            return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Memory and speed (docs/benchmarks.md, memory; random-weight ViT-B/16 stand-ins, CPU). With ONNX Runtime's
     * defaults ({@link ArenaMode#KEPT}) a 345 MB graph held 742 MB after load (the weights' load-time buffers stay
     * in the arena) and kept its largest batch's activations for good. Without the arena ({@link ArenaMode#OFF})
     * and with the launcher's 128 KiB glibc mmap threshold it held 399 MB, but every large tensor of every run was
     * freshly mapped and zeroed, +20-70 % per image on the 448 tagger. {@link ArenaMode#SHRUNK} keeps the weights
     * out of the arena and has it give its free chunks back after each run ({@link #newRun()}): 400 MB after load
     * and inside a run the arena's reuse. The memory pattern (one pre-planned block per input shape) stays off
     * unless {@code KEPT}: its peak at batch 16 was 47 MB higher and every new batch size plans another block.
     */
    private static OrtSession.SessionOptions options(OpenSessions.Key key) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(key.intraOpThreads());
            options.setInterOpNumThreads(key.interOpThreads());
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setCPUArenaAllocator(key.arena() != ArenaMode.OFF);
            options.setMemoryPatternOptimization(key.arena() == ArenaMode.KEPT);
            if (key.arena() == ArenaMode.SHRUNK) {
                options.addConfigEntry("session.use_device_allocator_for_initializers", "1");
            }
            if (key.gpu() >= 0) {
                options.addCUDA(key.gpu());
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /**
     * Feeds these tensors on every later run. They are made once here: the largest a manifest may declare
     * (16 M elements) is built once per load, not per run.
     */
    void feedConstants(List<ConstantInput> inputs) {
        try {
            for (ConstantInput c : inputs) {
                constants.put(c.name(), tensor(c));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot make the constant inputs: " + rootMessage(e), e);
        }
    }

    private OnnxTensor tensor(ConstantInput c) throws OrtException {
        int n = c.elements();
        return switch (c.type()) {
            case FLOAT32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) c.value(i);
                }
                yield OnnxTensor.createTensor(env, FloatBuffer.wrap(v), c.shapeArray());
            }
            case INT64 -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (long) c.value(i);
                }
                yield OnnxTensor.createTensor(env, LongBuffer.wrap(v), c.shapeArray());
            }
            case INT32 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (int) c.value(i);
                }
                yield OnnxTensor.createTensor(env, IntBuffer.wrap(v), c.shapeArray());
            }
        };
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

    /** A handle for the next run, to stop it from another thread; with {@code SHRUNK} the run ends by shrinking the arena. */
    RunHandle newRun() {
        try {
            OrtSession.RunOptions options = new OrtSession.RunOptions();
            if (shrinkArena) {
                try {
                    options.addRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
                } catch (OrtException e) {
                    options.close();
                    throw e;
                }
            }
            return new RunHandle(options);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create ONNX Runtime run options: " + e.getMessage(), e);
        }
    }

    /** Runs image tensors of one shape, concatenated along a new batch axis; the rows of the output read. */
    float[][] runImages(String inputName, List<float[]> tensors, long[] itemShape, RunHandle run) {
        return runImages(inputName, tensors, itemShape, List.of(outputName), run)[0];
    }

    /**
     * Runs image tensors as {@link #runImages(String, List, long[], RunHandle)} and reads several outputs of the one
     * run: {@code [output][item]}, in the order of {@code outputs}.
     */
    float[][][] runImages(String inputName, List<float[]> tensors, long[] itemShape, List<String> outputs, RunHandle run) {
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
            return run(withConstants(Map.of(inputName, x)), n, outputs, run);
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
            return run(withConstants(feed), n, List.of(outputName), run)[0];
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

    private Map<String, OnnxTensor> withConstants(Map<String, OnnxTensor> own) {
        if (constants.isEmpty()) {
            return own;
        }
        Map<String, OnnxTensor> all = new HashMap<>(constants);
        all.putAll(own);
        return all;
    }

    private float[][][] run(Map<String, OnnxTensor> feed, int n, List<String> outputs, RunHandle run)
            throws OrtException {
        for (String name : outputs) {
            if (!session.getOutputNames().contains(name)) {
                throw new IllegalStateException("the graph has no output '" + name + "'; its outputs are "
                        + session.getOutputNames());
            }
        }
        try (OrtSession.Result result = session.run(feed, new java.util.LinkedHashSet<>(outputs), run.options)) {
            float[][][] read = new float[outputs.size()][][];
            for (int o = 0; o < read.length; o++) {
                read[o] = rows(result, outputs.get(o), n);
            }
            return read;
        }
    }

    private static float[][] rows(OrtSession.Result result, String name, int n) throws OrtException {
        Optional<OnnxValue> value = result.get(name);
        if (value.isEmpty() || !(value.get() instanceof OnnxTensor y)) {
            throw new IllegalStateException("output '" + name + "' is not a tensor");
        }
        long[] shape = ((TensorInfo) y.getInfo()).getShape();
        if (shape.length != 2 || shape[0] != n) {
            throw new IllegalStateException("output '" + name + "' has shape " + java.util.Arrays.toString(shape)
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
        constants.values().forEach(OnnxTensor::close);
        constants.clear();
        try {
            sessions.release(key);
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
