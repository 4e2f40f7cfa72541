package dev.acgbot.bench.gallery;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TailCausesTest {

    @Test
    void slowQueriesAreSplitByWhatTheyCoincidedWith() {
        // median 1 ms; three queries over 3 ms: one descheduled (0.9 ms on-CPU of 10), one during a collection
        // that kept it on the CPU, one during a JIT compile and descheduled; a 2.9 ms query is not slow
        double[] wall = {1, 1, 1, 1, 1, 2.9, 10, 4, 5};
        double[] cpu = {1, 1, 1, 1, 1, 2.9, 0.9, 4, 1};
        long[] gcs = {0, 0, 0, 0, 0, 0, 0, 1, 0};
        long[] jit = {0, 0, 0, 0, 0, 3, 0, 0, 2};

        TailCauses t = TailCauses.of(wall, cpu, gcs, jit, 9_000);

        // on-CPU sorted: 0.9 1 1 1 1 1 1 2.9 4 -> p50 1; p99 and p99.9 interpolate between 2.9 and 4 as numpy does
        // (position p / 100 * (n - 1): 7.92 and 7.992)
        assertEquals(new TailCauses(3, 1, 1, 2, 1.0, 2.9 + (4 - 2.9) * (99.0 / 100 * 8 - 7), 2.9 + (4 - 2.9) * (99.9 / 100 * 8 - 7), 1_000.0), t);
    }

    @Test
    void rowKeysEndInTheQueryKind() {
        Map<String, Object> row = new LinkedHashMap<>();

        new TailCauses(2, 0, 1, 2, 0.3, 0.8, 0.9, 10_672.0).putInto(row, "text");

        assertEquals(Map.of("alloc_bytes_per_query_text", 10_672.0, "slow_queries_text", 2, "slow_with_gc_text", 0,
                "slow_with_jit_text", 1, "slow_mostly_off_cpu_text", 2, "cpu_p50_ms_text", 0.3, "cpu_p99_ms_text", 0.8,
                "cpu_p999_ms_text", 0.9), row);
    }
}
