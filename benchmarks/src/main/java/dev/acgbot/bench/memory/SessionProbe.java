package dev.acgbot.bench.memory;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One cell of the per-model memory table, run in its own JVM so that nothing else's peak is in it: opens one
 * ONNX file with the given session options, then runs it {@code runs} times at one batch size, and prints one
 * line {@code PROBE load_rss load_hwm run_hwm after_rss ms_per_item} (bytes, from /proc/self/status). The peak is
 * reset after the load ({@code echo 5 > /proc/self/clear_refs}) so {@code run_hwm} is the run's own peak.
 *
 * <p>Arguments: model input output tokens(true|false) itemShape(comma list) batch arena(on|off)
 * pattern(on|off) threads runs.
 */
public final class SessionProbe {
    private SessionProbe() {
    }

    public static void main(String[] a) throws Exception {
        Path model = Path.of(a[0]);
        String input = a[1];
        String output = a[2];
        boolean tokens = Boolean.parseBoolean(a[3]);
        String[] dims = a[4].split(",");
        int batch = Integer.parseInt(a[5]);
        boolean arena = a[6].equals("on");
        boolean pattern = a[7].equals("on");
        int threads = Integer.parseInt(a[8]);
        int runs = Integer.parseInt(a[9]);
        long[] shape = new long[dims.length + 1];
        shape[0] = batch;
        long per = 1;
        for (int i = 0; i < dims.length; i++) {
            shape[i + 1] = Long.parseLong(dims[i]);
            per *= shape[i + 1];
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setCPUArenaAllocator(arena);
            o.setMemoryPatternOptimization(pattern);
            try (OrtSession s = env.createSession(model.toString(), o)) {
                long loadRss = ProcStatus.rss();
                long loadHwm = ProcStatus.hwm();
                ProcStatus.resetPeak();
                long t0 = System.nanoTime();
                for (int r = 0; r < runs; r++) {
                    try (OnnxTensor x = tensor(env, tokens, shape, (int) (batch * per));
                         OrtSession.Result res = s.run(Map.of(input, x), Set.of(output))) {
                        res.get(0);
                    }
                }
                double msPerItem = (System.nanoTime() - t0) / 1e6 / runs / batch;
                System.out.printf("PROBE %d %d %d %d %.2f%n", loadRss, loadHwm, ProcStatus.hwm(), ProcStatus.rss(), msPerItem);
            }
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, boolean tokens, long[] shape, int n) throws Exception {
        if (tokens) {
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = 100 + (i * 7919L) % 20000;
            }
            return OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        }
        float[] px = new float[n];
        for (int i = 0; i < n; i++) {
            px[i] = (i % 255) / 255f;
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(px), shape);
    }
}
