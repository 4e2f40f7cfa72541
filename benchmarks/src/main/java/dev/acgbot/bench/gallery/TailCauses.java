package dev.acgbot.bench.gallery;

import java.util.Arrays;
import java.util.Map;

/**
 * What the slowest timed queries coincided with (issue 15.3, the graph's tail): queries over 3x the median wall
 * time, how many of them saw a collection, a JIT compilation, or spent most of their wall time off the CPU
 * (descheduled: the 2 shared cores), with the thread's on-CPU percentiles and the bytes a query allocated.
 */
record TailCauses(int slow, int withGc, int withJit, int mostlyOffCpu, double cpuP50, double cpuP99, double cpuP999,
                  double allocBytesPerQuery) {

    /** Per query: wall and CPU milliseconds, collections and JIT milliseconds during it; bytes all queries allocated. */
    static TailCauses of(double[] wallMs, double[] cpuMs, long[] gcs, long[] jitMs, long allocated) {
        double[] wall = wallMs.clone();
        Arrays.sort(wall);
        double p50 = IndexBench.percentile(wall, 50);
        int slow = 0, withGc = 0, withJit = 0, offCpu = 0;
        for (int i = 0; i < wallMs.length; i++) {
            if (wallMs[i] > 3 * p50) {
                slow++;
                withGc += gcs[i] > 0 ? 1 : 0;
                withJit += jitMs[i] > 0 ? 1 : 0;
                offCpu += cpuMs[i] < wallMs[i] / 2 ? 1 : 0;
            }
        }
        double[] cpu = cpuMs.clone();
        Arrays.sort(cpu);
        return new TailCauses(slow, withGc, withJit, offCpu, IndexBench.percentile(cpu, 50), IndexBench.percentile(cpu, 99),
                IndexBench.percentile(cpu, 99.9), (double) allocated / wallMs.length);
    }

    /** Adds this to a sweep row, each key ending in {@code _kind}, as the JSON and the table read them. */
    void putInto(Map<String, Object> row, String kind) {
        row.put("alloc_bytes_per_query_" + kind, allocBytesPerQuery);
        row.put("slow_queries_" + kind, slow);
        row.put("slow_with_gc_" + kind, withGc);
        row.put("slow_with_jit_" + kind, withJit);
        row.put("slow_mostly_off_cpu_" + kind, mostlyOffCpu);
        row.put("cpu_p50_ms_" + kind, cpuP50);
        row.put("cpu_p99_ms_" + kind, cpuP99);
        row.put("cpu_p999_ms_" + kind, cpuP999);
    }
}
