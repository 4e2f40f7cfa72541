package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.EmbeddingEncoding;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.internal.FileRecord;
import dev.acgbot.gallery.internal.GalleryStore;
import dev.acgbot.testkit.ClusteredVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * MapDB store on this JVM: writes {@code --n} entries with a 512-d embedding each in commits of 32 (as the
 * indexer does), reopens, and reads every embedding back (as start-up does), with FileChannel I/O and with
 * memory mapping. Shows that MapDB 3.1 works on this Java and what mmap would buy.
 * <p>
 * It drives the gallery's {@link GalleryStore} directly (a public seam of {@code gallery.internal} that only
 * this benchmark uses from outside the package): the store's own write and load paths are what is measured.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "MapDB gallery store on this JVM: write, reopen, load all embeddings; FileChannel vs mmap.")
public final class StoreBench implements Callable<Integer> {
    @Option(names = "--n", defaultValue = "20000", description = "entries to write (default ${DEFAULT-VALUE})")
    int n;

    @Override
    public Integer call() throws Exception {
        run(n, System.out);
        return 0;
    }

    static void run(int n, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "MapDB store on Java %s: %,d entries + 512-d fp16 embeddings, commits of 32%n", Runtime.version(), n);
        out.printf(Locale.ROOT, "%-12s %12s %14s %14s %12s%n", "io", "write s", "commits/s", "load all s", "file MB");
        for (boolean mmap : new boolean[]{false, true}) {
            Path dir = Files.createTempDirectory("acgbot-store-bench");
            try {
                Path file = dir.resolve("g.db");
                float[] v = ClusteredVectors.normalise(new float[512]);
                java.util.Arrays.fill(v, 1f / (float) Math.sqrt(512));
                long t0 = System.nanoTime();
                int commits = 0;
                try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16, List.of(), mmap)) {
                    for (int i = 0; i < n; i++) {
                        String sha = String.format(Locale.ROOT, "%064x", i);
                        store.putEntry(new GalleryEntry(sha, List.of(Path.of("/gallery/img" + i + ".png")), 100_000, Instant.now(),
                                1000, 800, Optional.empty(), i, ~i, Map.of(), "", Map.of("clip", "h")));
                        store.putFile("/gallery/img" + i + ".png", new FileRecord(100_000, 1, sha));
                        store.putEmbedding("clip", sha, "h", v);
                        if (i % 32 == 31) {
                            store.commit();
                            commits++;
                        }
                    }
                    store.commit();
                }
                double write = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                int[] count = {0};
                try (GalleryStore store = GalleryStore.open(file, EmbeddingEncoding.FP16, List.of(), mmap)) {
                    store.forEachEmbedding("clip", "h", (sha, vec) -> count[0]++);
                }
                double load = (System.nanoTime() - t0) / 1e9;
                if (count[0] != n) {
                    throw new IllegalStateException("read back " + count[0] + " of " + n);
                }
                out.printf(Locale.ROOT, "%-12s %12.2f %14.0f %14.2f %12.1f%n", mmap ? "mmap" : "FileChannel", write, commits / write, load,
                        Files.size(file) / 1048576.0);
            } finally {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
