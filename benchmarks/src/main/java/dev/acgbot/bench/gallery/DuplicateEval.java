package dev.acgbot.bench.gallery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.gallery.cli.ConsoleProgressBar;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;
import dev.acgbot.bench.cli.MissingPrerequisite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * Duplicate detection on real pictures: every image of Debian's openclipart-png and gnome-backgrounds is
 * indexed as a gallery (through the real indexer, no models), then transformed copies of 300 of them are
 * looked up with {@link Gallery#findDuplicates}. Reports per transform, rule and radius: recall@1 (the source
 * is the best hit), the same counting a best hit with exactly the source's two hashes (a twin no hash can
 * tell apart: the clip-art set has hundreds), found (the source is among the hits), and false matches (hits
 * that are neither the source nor within 4 pHash bits of it, i.e. not a copy the set itself contains).
 * Prints a table, writes JSON with {@code --json FILE}. The "gallery" rows are what {@code findDuplicates} itself
 * answers at each radius (the product's rule); the other rules are applied to one generous lookup per query.
 * Without the data sets it names the Debian packages to install and exits 2.
 */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = "Perceptual-hash duplicate recall on Debian's openclipart-png and gnome-backgrounds.")
public final class DuplicateEval implements Callable<Integer> {
    private static final int SAME_PICTURE_BITS = 4;
    /** Wide enough to hold every rule's matches at the radii tried. */
    private static final int CANDIDATE_RADIUS = 24;
    private static final String GALLERY_RULE = "gallery";

    /** A picture collection the evaluation indexes by default, and the Debian package that installs it. */
    record DataSet(Path folder, String debianPackage) {
    }

    static final List<DataSet> DEFAULT_DATA = List.of(
            new DataSet(Path.of("/usr/share/openclipart/png"), "openclipart-png"),
            new DataSet(Path.of("/usr/share/backgrounds"), "gnome-backgrounds"));

    /** A duplicate rule over (pHash distance, dHash distance, radius). */
    interface Rule {
        boolean matches(int p, int d, int r);
    }

    /** The alternatives the gallery's rule was chosen over ("gallery" itself is asked of the gallery). */
    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("pHash", (p, d, r) -> p <= r);
        RULES.put("dHash", (p, d, r) -> d <= r);
        RULES.put("both", (p, d, r) -> p <= r && d <= r);
        RULES.put("either", (p, d, r) -> Math.min(p, d) <= r);
    }

    @Option(names = "--gallery", paramLabel = "DIR", description = "picture folder (repeatable; default /usr/share/openclipart/png and /usr/share/backgrounds)")
    List<Path> folders = new ArrayList<>();
    @Option(names = "--queries", defaultValue = "300", description = "queries per transform (default ${DEFAULT-VALUE})")
    int queries;
    @Option(names = "--radii", split = ",", defaultValue = "4,6,8,10,12", description = "Hamming radii (default ${DEFAULT-VALUE})")
    int[] radii;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
    Path json;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "gallery data dir (default: temp, deleted)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        List<Path> pictures = folders.isEmpty() ? requireDefaultData(DEFAULT_DATA) : requireFolders(folders);
        return run(pictures, queries, radii, json, dataDir, System.out);
    }

    /** The default data sets, or a {@link MissingPrerequisite} naming the packages of those not installed. */
    static List<Path> requireDefaultData(List<DataSet> sets) {
        List<String> missing = sets.stream().filter(d -> !Files.isDirectory(d.folder())).map(DataSet::debianPackage).toList();
        if (!missing.isEmpty()) {
            throw new MissingPrerequisite("the default pictures are missing: install with `sudo apt-get install "
                    + String.join(" ", missing) + "` (or pass --gallery DIR)");
        }
        return sets.stream().map(DataSet::folder).toList();
    }

    private static List<Path> requireFolders(List<Path> folders) {
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new MissingPrerequisite("--gallery " + f + " is not a folder");
            }
        }
        return folders;
    }

    static int run(List<Path> folders, int queries, int[] radii, Path json, Path dataDir, PrintStream out) throws Exception {
        boolean tempData = dataDir == null;
        Path data = tempData ? Files.createTempDirectory("acgbot-dup-eval") : dataDir;
        GalleryOptions options = GalleryOptions.builder().dataDir(data).folders(folders).clipModels(List.of()).batchSize(256).build();
        Map<String, Object> result = new LinkedHashMap<>();
        try (Gallery gallery = Gallery.open(options, new NoModels())) {
            ConsoleProgressBar bar = new ConsoleProgressBar(out);
            ReindexSummary summary = gallery.reindex(ReindexRequest.incremental(), bar, CancellationToken.none());
            bar.finish();
            out.println("gallery: " + summary);
            result.put("gallery_images", gallery.stats().images());
            result.put("index_summary", summary.toString());

            List<GalleryEntry> entries = new ArrayList<>();
            collect(gallery, folders, entries);
            Collections.shuffle(entries, new Random(4));
            List<GalleryEntry> picked = entries.subList(0, Math.min(queries, entries.size()));
            Map<Long, Integer> sameHash = new java.util.HashMap<>();
            entries.forEach(e -> sameHash.merge(e.pHash(), 1, Integer::sum));
            long shared = entries.stream().filter(e -> sameHash.get(e.pHash()) > 1).count();
            out.printf(Locale.ROOT, "%d of %d images share their exact pHash with another image; largest group %d%n", shared,
                    entries.size(), sameHash.values().stream().mapToInt(Integer::intValue).max().orElse(0));
            result.put("images_sharing_a_phash", shared);
            ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

            Map<String, UnaryOperator<BufferedImage>> transforms = new LinkedHashMap<>();
            transforms.put("resize 50%", img -> toBuffered(ImageOps.resize(fromBuffered(img), Math.max(1, img.getWidth() / 2),
                    Math.max(1, img.getHeight() / 2), PreprocessSpec.Interpolation.BICUBIC)));
            transforms.put("jpeg q60", img -> jpeg(img, 0.6f, decoder));
            transforms.put("crop 10%", img -> crop(img, 0.10));
            transforms.put("text watermark", DuplicateEval::watermark);
            transforms.put("brightness +10%", img -> brighter(img, 1.10));
            transforms.put("horizontal flip", DuplicateEval::flip);

            List<Map<String, Object>> rows = new ArrayList<>();
            out.printf(Locale.ROOT, "%n%d queries per transform, gallery of %d images%n", picked.size(), entries.size());
            out.printf(Locale.ROOT, "%-18s %-8s %6s %9s %9s %9s %12s %12s%n", "transform", "rule", "radius", "recall@1", "r@1 twins",
                    "found", "false/query", "q w/ false");
            for (Map.Entry<String, UnaryOperator<BufferedImage>> t : transforms.entrySet()) {
                List<DecodedImage> copies = new ArrayList<>();
                List<GalleryEntry> sources = new ArrayList<>();
                for (GalleryEntry e : picked) {
                    try {
                        BufferedImage original = toBuffered(onWhite(decoder.decode(e.path())));
                        copies.add(fromBuffered(t.getValue().apply(original)));
                        sources.add(e);
                    } catch (Exception ex) {
                        out.println("  cannot transform " + e.path() + ": " + ex.getMessage());
                    }
                }
                // one generous lookup per query; each rule and radius is then applied to its candidates
                List<List<DuplicateHit>> candidates = new ArrayList<>();
                for (DecodedImage copy : copies) {
                    candidates.add(gallery.findDuplicates(copy, CANDIDATE_RADIUS));
                }
                Map<Integer, List<List<DuplicateHit>>> galleryHits = new LinkedHashMap<>();
                for (int r : radii) {
                    List<List<DuplicateHit>> perQuery = new ArrayList<>();
                    for (DecodedImage copy : copies) {
                        perQuery.add(gallery.findDuplicates(copy, r));
                    }
                    galleryHits.put(r, perQuery);
                }
                List<String> ruleNames = new ArrayList<>(List.of(GALLERY_RULE));
                ruleNames.addAll(RULES.keySet());
                for (String rule : ruleNames) {
                    for (int r : radii) {
                        int top1 = 0, top1Twin = 0, found = 0, falseTotal = 0, queriesWithFalse = 0;
                        for (int q = 0; q < copies.size(); q++) {
                            GalleryEntry src = sources.get(q);
                            int radius = r;
                            List<DuplicateHit> hits = rule.equals(GALLERY_RULE) ? galleryHits.get(r).get(q)
                                    : candidates.get(q).stream()
                                    .filter(h -> RULES.get(rule).matches(h.pHashDistance(), h.dHashDistance(), radius)).toList();
                            if (!hits.isEmpty() && hits.get(0).entry().sha256().equals(src.sha256())) {
                                top1++;
                            }
                            if (!hits.isEmpty() && (hits.get(0).entry().sha256().equals(src.sha256())
                                    || hits.get(0).entry().pHash() == src.pHash() && hits.get(0).entry().dHash() == src.dHash())) {
                                top1Twin++;
                            }
                            if (hits.stream().anyMatch(h -> h.entry().sha256().equals(src.sha256()))) {
                                found++;
                            }
                            int falseHere = 0;
                            for (DuplicateHit h : hits) {
                                if (!h.entry().sha256().equals(src.sha256())
                                        && Long.bitCount(h.entry().pHash() ^ src.pHash()) > SAME_PICTURE_BITS) {
                                    falseHere++;
                                }
                            }
                            falseTotal += falseHere;
                            queriesWithFalse += falseHere > 0 ? 1 : 0;
                        }
                        double recall = (double) top1 / copies.size();
                        double recallTwin = (double) top1Twin / copies.size();
                        double foundRate = (double) found / copies.size();
                        double falsePerQuery = (double) falseTotal / copies.size();
                        out.printf(Locale.ROOT, "%-18s %-8s %6d %9.3f %9.3f %9.3f %12.3f %12d%n", t.getKey(), rule, r, recall,
                                recallTwin, foundRate, falsePerQuery, queriesWithFalse);
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("transform", t.getKey());
                        row.put("rule", rule);
                        row.put("radius", r);
                        row.put("queries", copies.size());
                        row.put("recall_at_1", recall);
                        row.put("recall_at_1_counting_hash_twins", recallTwin);
                        row.put("found_at_all", foundRate);
                        row.put("false_matches_per_query", falsePerQuery);
                        row.put("queries_with_false_matches", queriesWithFalse);
                        rows.add(row);
                    }
                }
            }
            result.put("rows", rows);
        } finally {
            if (tempData) {
                deleteTree(data);
            }
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
            out.println("wrote " + json);
        }
        return 0;
    }

    private static void collect(Gallery gallery, List<Path> folders, List<GalleryEntry> out) throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Path folder : folders) {
            try (var files = Files.walk(folder)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".png") || name.endsWith(".webp") || name.endsWith(".jpg")) {
                        String sha = sha256(p);
                        if (seen.add(sha)) {
                            gallery.entry(sha).ifPresent(out::add);
                        }
                    }
                }
            }
        }
    }

    private static String sha256(Path p) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DecodedImage onWhite(DecodedImage img) {
        if (!img.hasAlpha()) {
            return img;
        }
        int[] px = img.argb().clone();
        for (int i = 0; i < px.length; i++) {
            int p = px[i], a = p >>> 24;
            int r = ((p >> 16 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            int g = ((p >> 8 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            int b = ((p & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            px[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return new DecodedImage(img.width(), img.height(), px, false);
    }

    static BufferedImage toBuffered(DecodedImage img) {
        BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, img.width(), img.height(), img.argb(), 0, img.width());
        return out;
    }

    static DecodedImage fromBuffered(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] |= 0xFF000000;
        }
        return new DecodedImage(w, h, px, false);
    }

    private static BufferedImage jpeg(BufferedImage img, float quality, ImageDecoder decoder) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, null), p);
            }
            writer.dispose();
            return toBuffered(decoder.decode(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (dev.acgbot.models.image.ImageDecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes 10 % of width and height, 5 % from each side. */
    private static BufferedImage crop(BufferedImage img, double fraction) {
        int dx = (int) (img.getWidth() * fraction / 2), dy = (int) (img.getHeight() * fraction / 2);
        BufferedImage out = new BufferedImage(img.getWidth() - 2 * dx, img.getHeight() - 2 * dy, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, -dx, -dy, null);
        g.dispose();
        return out;
    }

    /** A small semi-transparent signature in the lower right corner, as reposting sites add. */
    private static BufferedImage watermark(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.max(8, img.getHeight() / 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        String text = "@acgbot repost";
        int w = g.getFontMetrics().stringWidth(text);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
        g.setColor(Color.GRAY);
        g.drawString(text, Math.max(0, img.getWidth() - w - size / 2), img.getHeight() - size / 2);
        g.dispose();
        return out;
    }

    private static BufferedImage brighter(BufferedImage img, double factor) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = Math.min(255, (int) Math.round((p >> 16 & 0xFF) * factor));
            int g = Math.min(255, (int) Math.round((p >> 8 & 0xFF) * factor));
            int b = Math.min(255, (int) Math.round((p & 0xFF) * factor));
            px[i] = r << 16 | g << 8 | b;
        }
        out.setRGB(0, 0, img.getWidth(), img.getHeight(), px, 0, img.getWidth());
        return out;
    }

    private static BufferedImage flip(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, img.getWidth(), 0, -img.getWidth(), img.getHeight(), null);
        g.dispose();
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
