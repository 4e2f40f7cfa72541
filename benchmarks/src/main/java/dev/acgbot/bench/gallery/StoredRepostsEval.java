package dev.acgbot.bench.gallery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.preprocess.ImageOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * The other direction of {@link DuplicateEval} (issue 12): the gallery holds edited reposts of a picture, and the picture
 * itself is looked up as posted. Every image of Debian's openclipart-png and gnome-backgrounds is indexed as in
 * {@link DuplicateEval}; then for randomly picked sources outside the star polygons one repost of each {@link #KINDS kind}
 * is written into a folder the gallery also indexes, and each source is looked up with {@link Gallery#findDuplicates}, as
 * `/similar` on the source would. Per kind, for all sources and for line art apart: the share of the stored reposts the
 * lookup lists, and the false duplicates per lookup (hits that are neither the source, a twin of it (within
 * {@value DuplicateEval#SAME_PICTURE_BITS} pHash bits), nor one of its reposts). Prints a table, writes JSON with
 * {@code --json FILE}. Without the data sets it names the Debian packages to install and exits 2.
 */
@Command(name = "stored-reposts", mixinStandardHelpOptions = true,
        description = "Whether looking up a picture lists the edited reposts of it that the gallery holds (openclipart-png, gnome-backgrounds).")
public final class StoredRepostsEval implements Callable<Integer> {
    /** A kind of repost stored in the gallery: what a member posted after cutting or framing the picture. */
    record Kind(String name, BiFunction<BufferedImage, Random, BufferedImage> apply) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("jpeg q75", (img, r) -> RepostEdits.jpeg(img, 0.75f)),
            new Kind("border 5%", (img, r) -> RepostEdits.border(img, 0.05, Color.BLACK)),
            new Kind("crop 10%", (img, r) -> RepostEdits.crop(img, 0.10, r)),
            new Kind("crop 25%", (img, r) -> RepostEdits.crop(img, 0.25, r)),
            new Kind("crop 10% + frame", (img, r) -> RepostEdits.border(RepostEdits.crop(img, 0.10, r), 0.05, Color.WHITE)),
            new Kind("crop 25% + frame + jpeg", (img, r) -> RepostEdits.jpeg(RepostEdits.border(RepostEdits.crop(img, 0.25, r), 0.03, Color.WHITE), 0.75f)));

    /** Sources are reduced to this shorter side before editing, as in {@link DuplicateEval}. */
    private static final int SOURCE_SIDE = 512;

    @Option(names = "--gallery", paramLabel = "DIR", description = "picture folder (repeatable; default /usr/share/openclipart/png and /usr/share/backgrounds)")
    List<Path> folders = new ArrayList<>();
    @Option(names = "--queries", defaultValue = "150", description = "sources looked up (default ${DEFAULT-VALUE}); each stores one repost of every kind")
    int queries;
    @Option(names = "--sample-seed", defaultValue = "4", description = "the random seed that picks the sources (default ${DEFAULT-VALUE})")
    long sampleSeed;
    @Option(names = "--examples", defaultValue = "0", description = "print this many lookups per kind that miss a stored repost: the source and its whole list; and as many false duplicates")
    int examples;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
    Path json;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "gallery data dir (default: temp, deleted); the reposts are written into DIR/reposts")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        List<Path> pictures = folders.isEmpty() ? DuplicateEval.requireDefaultData(DuplicateEval.DEFAULT_DATA) : DuplicateEval.requireFolders(folders);
        boolean tempData = dataDir == null;
        Path data = tempData ? Files.createTempDirectory("acgbot-stored-reposts") : dataDir;
        try {
            return run(pictures, data, System.out);
        } finally {
            if (tempData) {
                DuplicateEval.deleteTree(data);
            }
        }
    }

    /** A looked-up source, its line-art mark, and the sha256 of its stored repost of each kind. */
    private record Source(GalleryEntry entry, DecodedImage image, boolean lineArt, List<String> reposts) {
    }

    int run(List<Path> pictures, Path data, PrintStream out) throws Exception {
        Path repostFolder = data.resolve("reposts");
        List<Source> sources = new ArrayList<>();
        try (Gallery gallery = DuplicateEval.openIndexed(pictures, data, out, summary -> { })) {
            List<GalleryEntry> entries = new ArrayList<>();
            DuplicateEval.collect(gallery, pictures, entries);
            Collections.shuffle(entries, new Random(sampleSeed));
            ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
            Files.createDirectories(repostFolder);
            List<Random> randoms = KINDS.stream().map(k -> new Random(k.name().hashCode())).toList();
            for (GalleryEntry e : entries) {
                if (sources.size() == queries) {
                    break;
                }
                if (e.path().toString().contains(DuplicateEval.STARS_FOLDER)) {
                    continue; // siblings by the hundred: DuplicateEval reports them apart
                }
                try {
                    DecodedImage img = ImageOps.reduce(DuplicateEval.onWhite(decoder.decode(e.path())), SOURCE_SIDE);
                    BufferedImage source = DuplicateEval.toBuffered(img);
                    List<String> reposts = new ArrayList<>();
                    for (int k = 0; k < KINDS.size(); k++) {
                        byte[] png = png(KINDS.get(k).apply().apply(source, randoms.get(k)));
                        Files.write(repostFolder.resolve(String.format(Locale.ROOT, "s%03d-k%d.png", sources.size(), k)), png);
                        reposts.add(DuplicateEval.sha256(png));
                    }
                    sources.add(new Source(e, img, SourceKind.of(img) == SourceKind.SKETCH, reposts));
                } catch (Exception ex) {
                    out.println("  cannot read " + e.path() + ": " + ex.getMessage());
                }
            }
        }
        List<Path> withReposts = new ArrayList<>(pictures);
        withReposts.add(repostFolder);
        Map<String, Object> result = new LinkedHashMap<>();
        try (Gallery gallery = DuplicateEval.openIndexed(withReposts, data, out, summary -> { })) {
            result.put("gallery_images", gallery.stats().images());
            long lineArt = sources.stream().filter(Source::lineArt).count();
            out.printf(Locale.ROOT, "%n%d sources (%d line art), each stored with one repost of %d kinds, looked up as posted%n",
                    sources.size(), lineArt, KINDS.size());
            List<List<DuplicateHit>> lists = new ArrayList<>();
            List<Double> ms = new ArrayList<>();
            for (Source s : sources) {
                long t0 = System.nanoTime();
                lists.add(gallery.findDuplicates(s.image(), 8));
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            out.printf(Locale.ROOT, "%-24s %-8s %5s %8s %8s%n", "stored repost", "sources", "n", "listed", "false/q");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String group : List.of("all", "line art")) {
                List<Integer> in = new ArrayList<>();
                for (int q = 0; q < sources.size(); q++) {
                    if (group.equals("all") || sources.get(q).lineArt()) {
                        in.add(q);
                    }
                }
                if (in.isEmpty()) {
                    continue;
                }
                double falsePerQuery = in.stream().mapToInt(q -> falseHits(sources.get(q), lists.get(q))).sum() / (double) in.size();
                for (int k = 0; k < KINDS.size(); k++) {
                    int kind = k;
                    long listed = in.stream().filter(q -> listed(lists.get(q), sources.get(q).reposts().get(kind))).count();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("repost", KINDS.get(k).name());
                    row.put("sources", group);
                    row.put("queries", in.size());
                    row.put("listed", listed / (double) in.size());
                    row.put("false_per_query", falsePerQuery);
                    rows.add(row);
                    out.printf(Locale.ROOT, "%-24s %-8s %5d %8.3f %8.3f%n", KINDS.get(k).name(), group, in.size(), row.get("listed"), falsePerQuery);
                }
            }
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.printf(Locale.ROOT, "lookup p50 %.2f ms, p95 %.2f ms%n", sorted[(sorted.length - 1) / 2], sorted[(int) Math.ceil(0.95 * sorted.length) - 1]);
            printExamples(sources, lists, out);
            printFalse(sources, lists, out);
            result.put("rows", rows);
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
            out.println("wrote " + json);
        }
        return 0;
    }

    private static boolean listed(List<DuplicateHit> hits, String sha) {
        return hits.stream().anyMatch(h -> h.entry().sha256().equals(sha));
    }

    /** Hits that are neither the source, a twin of it, nor one of its reposts. */
    private static int falseHits(Source s, List<DuplicateHit> hits) {
        Set<String> own = new HashSet<>(s.reposts());
        own.add(s.entry().sha256());
        return (int) hits.stream().filter(h -> !own.contains(h.entry().sha256())
                && Long.bitCount(h.entry().pHash() ^ s.entry().pHash()) > DuplicateEval.SAME_PICTURE_BITS).count();
    }

    /** Up to {@code --examples} lookups per kind that miss their stored repost, each with its whole list. */
    private void printExamples(List<Source> sources, List<List<DuplicateHit>> lists, PrintStream out) {
        for (int k = 0; k < KINDS.size() && examples > 0; k++) {
            int shown = 0;
            for (int q = 0; q < sources.size() && shown < examples; q++) {
                Source s = sources.get(q);
                if (listed(lists.get(q), s.reposts().get(k))) {
                    continue;
                }
                shown++;
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  missed %s%s: %s ->", KINDS.get(k).name(),
                        s.lineArt() ? " [line art]" : "", s.entry().path()));
                for (DuplicateHit h : lists.get(q)) {
                    line.append(String.format(Locale.ROOT, " | %s %.3f %s", h.entry().path().getFileName(), h.similarity(), DuplicateEval.edits(h)));
                }
                out.println(line);
            }
        }
    }

    /** Up to {@code --examples} false duplicates: the source, the hit, its similarity and edits. */
    private void printFalse(List<Source> sources, List<List<DuplicateHit>> lists, PrintStream out) {
        int shown = 0;
        for (int q = 0; q < sources.size() && shown < examples; q++) {
            Source s = sources.get(q);
            for (DuplicateHit h : lists.get(q)) {
                if (shown < examples && falseHits(s, List.of(h)) > 0) {
                    shown++;
                    out.println(String.format(Locale.ROOT, "  false%s: %s -> %s (%.3f %s)", s.lineArt() ? " [line art]" : "",
                            s.entry().path(), h.entry().path(), h.similarity(), DuplicateEval.edits(h)));
                }
            }
        }
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }
}
