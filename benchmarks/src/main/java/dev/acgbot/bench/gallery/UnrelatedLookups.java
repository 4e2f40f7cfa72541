package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.preprocess.ImageOps;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lookups of real pictures the gallery does not hold ({@code duplicates --unrelated DIR}): every hit is a false duplicate,
 * and such a lookup, the most common one a community makes, runs every last-resort search of the verifier. Pictures
 * are read from {@code DIR} (recursively), those whose bytes the gallery holds are skipped, the rest shuffled with the
 * sample seed and reduced, flattened on white, as the evaluation's sources are.
 */
final class UnrelatedLookups {
    private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

    private UnrelatedLookups() {
    }

    /**
     * What {@link #run} measured: lookups counted, those made before them ({@link #WARM_UP}), how many listed anything,
     * every hit, wall and thread CPU per lookup counted.
     */
    record Result(int lookups, int warmUp, int listedAnything, int hits, double[] wallMs, double[] cpuMs) {
        double falsePerQuery() {
            return lookups == 0 ? 0 : (double) hits / lookups;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lookups", lookups);
            m.put("warm_up", warmUp);
            m.put("listed_anything", listedAnything);
            m.put("false_per_query", falsePerQuery());
            m.put("lookup_p50_ms", percentile(wallMs, 0.50));
            m.put("lookup_p95_ms", percentile(wallMs, 0.95));
            m.put("lookup_cpu_p50_ms", percentile(cpuMs, 0.50));
            m.put("lookup_cpu_p95_ms", percentile(cpuMs, 0.95));
            return m;
        }
    }

    /**
     * Lookups made first and not counted: the first ones of a fresh JVM run interpreted and wait on the JIT compiler, which
     * on 2 cores shares them with the lookup (the first of 300 Adwaita icons took 241 ms, its like 40-70 ms later on); a
     * running bot has long since compiled them. The pictures after the counted ones, when {@code DIR} has that many more.
     */
    static final int WARM_UP = 50;

    static Result run(Gallery gallery, Path dir, int queries, int radius, long seed, int examples, PrintStream out) throws IOException {
        List<Path> files = new ArrayList<>(pictures(dir));
        Collections.sort(files);
        Collections.shuffle(files, new Random(seed));
        List<Path> unheld = unheld(gallery, files, queries + WARM_UP);
        List<Path> counted = unheld.subList(0, Math.min(queries, unheld.size()));
        for (Path p : unheld.subList(counted.size(), unheld.size())) {
            reduced(p, out).ifPresent(img -> gallery.findDuplicates(img, radius));
        }
        List<Double> wall = new ArrayList<>(), cpu = new ArrayList<>();
        int listed = 0, hits = 0, shown = 0;
        for (Path p : counted) {
            Optional<DecodedImage> img = reduced(p, out);
            if (img.isEmpty()) {
                continue;
            }
            long t0 = System.nanoTime(), cpu0 = DuplicateEval.THREADS.getCurrentThreadCpuTime();
            List<DuplicateHit> found = gallery.findDuplicates(img.get(), radius);
            wall.add((System.nanoTime() - t0) / 1e6);
            cpu.add((DuplicateEval.THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6);
            if (!found.isEmpty()) {
                listed++;
                hits += found.size();
                for (DuplicateHit h : found) {
                    if (shown++ < examples) {
                        out.printf(Locale.ROOT, "  false (unrelated): %s -> %s (%.3f %s)%n", p, h.entry().path(), h.similarity(),
                                DuplicateEval.edits(h));
                    }
                }
            }
        }
        return new Result(wall.size(), unheld.size() - counted.size(), listed, hits, sorted(wall), sorted(cpu));
    }

    /** Up to {@code limit} of {@code files} in their order whose bytes the gallery does not hold, each once. */
    private static List<Path> unheld(Gallery gallery, List<Path> files, int limit) throws IOException {
        Set<String> seen = new HashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path p : files) {
            if (out.size() == limit) {
                break;
            }
            String sha = DuplicateEval.sha256(Files.readAllBytes(p));
            if (seen.add(sha) && gallery.entry(sha).isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The picture decoded and reduced, flattened on white, as the evaluation's sources are; none when unreadable. */
    private static Optional<DecodedImage> reduced(Path p, PrintStream out) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        try {
            return Optional.of(ImageOps.reduce(DuplicateEval.onWhite(DECODER.decode(bytes)), DuplicateEval.SOURCE_SIDE));
        } catch (Exception e) {
            out.println("  cannot read " + p + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static void print(Result r, Path dir, PrintStream out) {
        out.printf(Locale.ROOT, "%nunrelated: %d lookups of pictures the gallery does not hold (%s), after %d not counted:"
                        + " listed anything %d, false duplicates per query %.3f; p50 %.2f ms, p95 %.2f ms; lookup thread CPU p50 %.2f ms,"
                        + " p95 %.2f ms%n",
                r.lookups(), dir, r.warmUp(), r.listedAnything(), r.falsePerQuery(), percentile(r.wallMs(), 0.5), percentile(r.wallMs(), 0.95),
                percentile(r.cpuMs(), 0.5), percentile(r.cpuMs(), 0.95));
    }

    private static List<Path> pictures(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".webp");
            }).toList();
        }
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(q * sorted.length) - 1];
    }
}
