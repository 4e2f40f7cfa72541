package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.gallery.cli.ConsoleProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Lookup time of {@link Gallery#findDuplicates} at gallery scale, on generated pictures (no data set): n small
 * pictures, 30 % of them thin random strokes on white (the sketches whose hashes crowd together and so give the
 * verifier the most candidates), the rest gradients with random shapes, are written as PNG, indexed by the real
 * indexer (no models), and edited copies (crop, rotation, border, JPEG) of random ones are looked up one after
 * the other. Prints p50/p95/max and the copies' recall; the pictures stay in {@code --work-dir} for reruns.
 */
@Command(name = "duplicates-scale", mixinStandardHelpOptions = true,
        description = "findDuplicates latency on a generated gallery of --n pictures.")
public final class DuplicateScaleBench implements Callable<Integer> {
    @Option(names = "--n", defaultValue = "100000", description = "gallery size (default ${DEFAULT-VALUE})")
    int n;
    @Option(names = "--queries", defaultValue = "300", description = "timed lookups (default ${DEFAULT-VALUE})")
    int queries;
    @Option(names = "--work-dir", paramLabel = "DIR", description = "pictures and gallery (default /tmp/acgbot-dup-scale); kept for reruns")
    Path workDir = Path.of("/tmp/acgbot-dup-scale");

    @Override
    public Integer call() throws Exception {
        Path pictures = Files.createDirectories(workDir.resolve("pictures-" + n));
        long t0 = System.nanoTime();
        int written = 0;
        for (int i = 0; i < n; i++) {
            Path f = file(pictures, i);
            if (!Files.exists(f)) {
                Files.createDirectories(f.getParent());
                ImageIO.write(picture(i), "png", f.toFile());
                written++;
            }
        }
        System.out.printf(Locale.ROOT, "pictures: %d written in %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
        GalleryOptions options = GalleryOptions.builder().dataDir(workDir.resolve("data-" + n)).folders(List.of(pictures))
                .clipModels(List.of()).batchSize(512).build();
        try (Gallery gallery = Gallery.open(options, new NoModels())) {
            ConsoleProgressBar bar = new ConsoleProgressBar(System.out);
            ReindexSummary summary = gallery.reindex(ReindexRequest.incremental(), bar, CancellationToken.none());
            bar.finish();
            System.out.println("gallery: " + summary + "; " + gallery.stats().images() + " images");
            Random random = new Random(11);
            List<RepostEdits.Edit> edits = RepostEdits.ALL.stream().filter(e -> List.of("crop 10%", "rotate 3°", "border 5%",
                    "jpeg q75", "crop+resize+jpeg").contains(e.name())).toList();
            double[] ms = new double[queries];
            int found = 0;
            for (int q = -20; q < queries; q++) { // 20 untimed lookups warm the JIT
                int i = random.nextInt(n);
                BufferedImage copy = edits.get(Math.floorMod(q, edits.size())).apply().apply(picture(i), random);
                var decoded = DuplicateEval.fromBuffered(copy);
                long s = System.nanoTime();
                List<DuplicateHit> hits = gallery.findDuplicates(decoded, 8);
                if (q >= 0) {
                    ms[q] = (System.nanoTime() - s) / 1e6;
                    String name = file(pictures, i).toString();
                    found += !hits.isEmpty() && hits.get(0).entry().paths().stream().anyMatch(p -> p.toString().equals(name)) ? 1 : 0;
                }
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%d lookups on %d images, %d cores: p50 %.2f ms, p95 %.2f ms, max %.2f ms; source first for %.3f%n",
                    queries, gallery.stats().images(), Runtime.getRuntime().availableProcessors(), ms[(queries - 1) / 2],
                    ms[(int) Math.ceil(0.95 * queries) - 1], ms[queries - 1], (double) found / queries);
        }
        return 0;
    }

    private static Path file(Path root, int i) {
        return root.resolve(String.format(Locale.ROOT, "%03d/p%06d.png", i / 1000, i));
    }

    /** Picture {@code i}, the same on every run. */
    static BufferedImage picture(int i) {
        Random r = new Random(i * 7919L + 17);
        int w = 96 + r.nextInt(64), h = 96 + r.nextInt(64);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        boolean sketch = r.nextInt(10) < 3;
        if (sketch) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(60 + r.nextInt(120), 60 + r.nextInt(120), 60 + r.nextInt(120)));
            g.setStroke(new BasicStroke(1 + r.nextInt(2)));
            for (int s = 0; s < 6; s++) {
                g.drawLine(w / 4 + r.nextInt(w / 2), h / 4 + r.nextInt(h / 2), w / 4 + r.nextInt(w / 2), h / 4 + r.nextInt(h / 2));
            }
        } else {
            g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0x1000000)), w, h, new Color(r.nextInt(0x1000000))));
            g.fillRect(0, 0, w, h);
            for (int s = 0; s < 5; s++) {
                g.setColor(new Color(r.nextInt(0x1000000)));
                int x = r.nextInt(w), y = r.nextInt(h);
                if (r.nextBoolean()) {
                    g.fillOval(x - 10, y - 10, 10 + r.nextInt(w / 2), 10 + r.nextInt(h / 2));
                } else {
                    g.fillRect(x - 10, y - 10, 10 + r.nextInt(w / 2), 10 + r.nextInt(h / 2));
                }
            }
        }
        g.dispose();
        return img;
    }
}
