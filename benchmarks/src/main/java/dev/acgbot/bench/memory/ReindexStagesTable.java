package dev.acgbot.bench.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 15 goal 5 in {@code bench memory}: each reindex run's stages as the product's {@code ReindexStages} reports
 * them (images/s overall and per stage, engine busy), and the goal row "engine busy >= 90 % on the stand-ins" for
 * the default budget, over all its slices (each run's busy share weighted by its reindex seconds).
 */
final class ReindexStagesTable {
    static final double GOAL_BUSY = 0.90;

    private ReindexStagesTable() {
    }

    /** The stage fields of a BOTPROBE line (from index 9 on) into a run's row. */
    static void parse(String[] f, Map<String, Object> row) {
        row.put("engine_busy", Double.parseDouble(f[9]));
        row.put("stage_images_per_s", Double.parseDouble(f[10]));
        row.put("decode_images_per_s", Double.parseDouble(f[11]));
        row.put("commit_images_per_s", Double.parseDouble(f[12]));
        row.put("preprocess_images_per_s", perModel(f[13]));
        row.put("inference_images_per_s", perModel(f[14]));
    }

    private static Map<String, Double> perModel(String field) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!field.equals("-")) {
            for (String kv : field.split(",")) {
                int eq = kv.lastIndexOf('=');
                m.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
            }
        }
        return m;
    }

    /** Prints the per-run table and the goal row; returns the goal's figures for the JSON. */
    static Map<String, Object> print(Map<String, List<Map<String, Object>>> byRun) {
        System.out.println();
        System.out.println("Reindex stages (issue 15 goal 5; images/s per stage: decode and commit per thread, preprocess and "
                + "inference per model; engine busy = share of the indexing wall time with at least one model running a batch):");
        System.out.println();
        System.out.println("| slice | settings | load average (1/5/15 min) | images/s overall | decode | preprocess | inference | commit | engine busy |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (List<Map<String, Object>> runs : byRun.values()) {
            for (Map<String, Object> r : runs) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.1f | %s | %s | %.1f | %.1f %% |%n", r.get("slice"), r.get("settings"),
                        r.get("loadavg"), (double) r.get("stage_images_per_s"), (double) r.get("decode_images_per_s"),
                        rates(r.get("preprocess_images_per_s")), rates(r.get("inference_images_per_s")),
                        (double) r.get("commit_images_per_s"), 100 * (double) r.get("engine_busy"));
            }
        }
        List<Map<String, Object>> runs = byRun.getOrDefault("auto", new ArrayList<>());
        Map<String, Object> goal = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return goal;
        }
        double seconds = runs.stream().mapToDouble(r -> (double) r.get("seconds")).sum();
        double busy = runs.stream().mapToDouble(r -> (double) r.get("engine_busy") * (double) r.get("seconds")).sum() / seconds;
        String verdict = busy >= GOAL_BUSY ? "met" : String.format(Locale.ROOT, "missed by %.1f points", (GOAL_BUSY - busy) * 100);
        System.out.println();
        System.out.println("| goal | default budget, all slices | verdict |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| engine busy >= 90 %% during a reindex (stand-ins, %d cores) | %.1f %% | %s |%n",
                Runtime.getRuntime().availableProcessors(), busy * 100, verdict);
        goal.put("engine_busy", busy);
        goal.put("goal", GOAL_BUSY);
        goal.put("verdict", verdict);
        return goal;
    }

    @SuppressWarnings("unchecked")
    private static String rates(Object perModel) {
        Map<String, Double> m = (Map<String, Double>) perModel;
        if (m.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        m.forEach((model, rate) -> parts.add(String.format(Locale.ROOT, "%s %.2f", model, rate)));
        return String.join(", ", parts);
    }
}
