package dev.acgbot.bench.gallery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.gallery.cli.ConsoleProgressBar;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.bench.cli.MissingPrerequisite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Duplicate detection on real pictures (issue 12): every image of Debian's openclipart-png and gnome-backgrounds is
 * indexed as a gallery (through the real indexer, no models), then 300 randomly picked ones (blank pages left out,
 * {@link SourceKind#blankPage}) are edited in every way {@link RepostEdits} knows and each copy is looked up with
 * {@link Gallery#findDuplicates}, the call /similar makes.
 * Per edit, for all sources and for sketches / line art apart ({@link SourceKind}): recall (the source, or a twin of
 * it, is the first near duplicate; a twin is an image within 4 pHash bits of the source or one the untouched source
 * itself finds as the same picture, or as its mirror image, at 0.97 or more: the clip-art set holds the same drawing
 * under several names, and left and right arrows; the same drawing at another page size, {@link PageTwins}; and, for
 * one copy, a picture the same edit turns into that copy, {@link EditTwins}, or one that holds the window a crop was cut
 * from pixel for pixel, {@link CropTwins}), the same counting only the source, found (the source is among the hits), false
 * duplicates per query, and lookup p50/p95. Prints a table, writes JSON with {@code --json FILE}. Without the data
 * sets it names the Debian packages to install and exits 2.
 */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = "Repost (near-duplicate) recall per edit on Debian's openclipart-png and gnome-backgrounds.")
public final class DuplicateEval implements Callable<Integer> {
    static final int SAME_PICTURE_BITS = 4;
    /** A gallery image the untouched source matches this well, with no edit seen, is a copy the set itself holds. */
    static final double TWIN_SIMILARITY = 0.97;
    private static final Set<RepostEdit> TURNED_OR_MIRRORED = Set.of(RepostEdit.ROTATED, RepostEdit.MIRRORED);
    private static List<String> EVAL_EDITS = List.of();
    private static int EXAMPLES = 0;
    private static long SAMPLE_SEED = 4;
    private static boolean MISSES = false;
    /** Where {@code --save-misses} writes the copies whose source is missed; null: nowhere. */
    private static Path SAVE_MISSES = null;
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static boolean STARS = false;
    private static boolean LINE_ART_ONLY = false;
    /**
     * openclipart's 1,375 generated star polygons (star_53pt02step.png ...): 100x100 thin-line drawings, a fifth of
     * the gallery, that differ only in a line pattern finer than a resized or re-encoded copy keeps (a 53-point and a
     * 77-point star are the same circle at 50 px). Sources from here are reported apart as "stars", the rest as
     * "not-stars": false duplicates among them say more about the set than about the method.
     */
    static final String STARS_FOLDER = "/shapes/stars/";
    /** Sources are reduced to this shorter side before editing: reposts are rarely larger, and it bounds the work. */
    static final int SOURCE_SIDE = 512;

    /** A picture collection the evaluation indexes by default, and the Debian package that installs it. */
    record DataSet(Path folder, String debianPackage) {
    }

    static final List<DataSet> DEFAULT_DATA = List.of(
            new DataSet(Path.of("/usr/share/openclipart/png"), "openclipart-png"),
            new DataSet(Path.of("/usr/share/backgrounds"), "gnome-backgrounds"));

    @Option(names = "--gallery", paramLabel = "DIR", description = "picture folder (repeatable; default /usr/share/openclipart/png and /usr/share/backgrounds)")
    List<Path> folders = new ArrayList<>();
    @Option(names = "--queries", defaultValue = "300", description = "queries per edit (default ${DEFAULT-VALUE})")
    int queries;
    @Option(names = "--radius", defaultValue = "8", description = "the radius findDuplicates is asked with (default ${DEFAULT-VALUE}, /similar's)")
    int radius;
    @Option(names = "--sweep", split = ",", paramLabel = "T", description = "also report every edit at these verifier thresholds (the gallery then returns hits down to the lowest)")
    double[] sweep = new double[0];
    @Option(names = "--edits", split = ",", paramLabel = "NAME", description = "only these edits (default: all)")
    List<String> only = new ArrayList<>();
    @Option(names = "--examples", defaultValue = "0", description = "print this many false duplicates per edit (source, hit, similarity), and as many whole lists that hold one (each hit marked S source, T twin, F false), sources outside the star polygons")
    int examples;
    @Option(names = "--sample-seed", split = ",", defaultValue = "4", paramLabel = "SEED",
            description = "the random seed that picks the sources (default ${DEFAULT-VALUE}, the reported table's; another seed gives a"
                    + " diagnosis sample); several (4,77,91,123,200) evaluate each sample in turn on one index, then pool them")
    List<Long> sampleSeeds;
    @Option(names = "--misses", description = "print every query whose source (or twin) is not the first hit, sources outside the star polygons: the source, the first hit and whether the source was found at all")
    boolean misses;
    @Option(names = "--save-misses", paramLabel = "DIR", description = "with --misses, also write each missed copy, as looked up, to DIR as EDIT--SOURCE.png: the exact picture to diagnose")
    Path saveMisses;
    @Option(names = "--stars", description = "print every star-polygon query whose source (or twin) is not the first hit or that lists a false duplicate, with its whole list (S source, T twin, F false)")
    boolean stars;
    @Option(names = "--line-art-only", description = "look up only the sample's line-art sources (sketches outside the star polygons): the same sources and the same random edits as the full run's \"line art\" rows, in a quarter of the time, for iterating on them")
    boolean lineArtOnly;
    @Option(names = "--unrelated", paramLabel = "DIR", description = "instead of the edits, look up up to --queries pictures from DIR that the gallery does not hold (every hit a false duplicate), e.g. /usr/share/icons/Adwaita/48x48 (adwaita-icon-theme)")
    Path unrelated;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
    Path json;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "gallery data dir (default: temp, deleted)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        List<Path> pictures = folders.isEmpty() ? requireDefaultData(DEFAULT_DATA) : requireFolders(folders);
        if (sweep.length > 0) {
            System.setProperty("acgbot.bench.duplicates.minSimilarity", Double.toString(Arrays.stream(sweep).min().orElseThrow()));
        }
        EVAL_EDITS = only;
        EXAMPLES = examples;
        SAMPLE_SEED = sampleSeeds.getFirst();
        MISSES = misses;
        SAVE_MISSES = saveMisses;
        STARS = stars;
        LINE_ART_ONLY = lineArtOnly;
        if (unrelated != null) {
            if (!Files.isDirectory(unrelated)) {
                throw new MissingPrerequisite("--unrelated " + unrelated + " is not a folder"
                        + (unrelated.startsWith("/usr/share/icons") ? " (install with `sudo apt-get install adwaita-icon-theme`)" : ""));
            }
            return runUnrelated(pictures, unrelated, queries, radius, json, dataDir, System.out);
        }
        return sampleSeeds.size() == 1 ? run(pictures, queries, radius, sweep, json, dataDir, System.out)
                : runSamples(pictures, sampleSeeds, queries, radius, sweep, json, dataDir, System.out);
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

    static List<Path> requireFolders(List<Path> folders) {
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new MissingPrerequisite("--gallery " + f + " is not a folder");
            }
        }
        return folders;
    }

    /** One sample (the seed set last, {@link #SAMPLE_SEED}): its tables, the goal on it, and {@code json}. */
    static int run(List<Path> folders, int queries, int radius, double[] sweep, Path json, Path dataDir, PrintStream out)
            throws Exception {
        inData(dataDir, data -> {
            Map<String, Object> result = evaluate(folders, queries, radius, sweep, data, out);
            PooledSamples.printGoal("sample " + SAMPLE_SEED, PooledSamples.pool(List.of(rows(result))), out);
            writeJson(json, result, out);
        });
        return 0;
    }

    /** What an evaluation does with its gallery data dir. */
    private interface InData {
        void run(Path data) throws Exception;
    }

    /** {@code body} on {@code dataDir}, or on a temporary directory deleted after it when none is given. */
    private static void inData(Path dataDir, InData body) throws Exception {
        Path data = dataDir == null ? Files.createTempDirectory("acgbot-dup-eval") : dataDir;
        try {
            body.run(data);
        } finally {
            if (dataDir == null) {
                deleteTree(data);
            }
        }
    }

    /**
     * Several samples on one index, in turn: each one's tables and the goal on it, then the rows pooled over all of them
     * ({@link PooledSamples}); {@code json} holds each sample's result and the pooled rows. Missed copies are saved per
     * sample ({@code --save-misses DIR/seed-S}).
     */
    static int runSamples(List<Path> folders, List<Long> seeds, int queries, int radius, double[] sweep, Path json, Path dataDir,
                          PrintStream out) throws Exception {
        Path saveMisses = SAVE_MISSES;
        try {
            inData(dataDir, data -> samples(folders, seeds, queries, radius, sweep, json, data, saveMisses, out));
        } finally {
            SAVE_MISSES = saveMisses;
        }
        return 0;
    }

    private static void samples(List<Path> folders, List<Long> seeds, int queries, int radius, double[] sweep, Path json, Path data,
                                Path saveMisses, PrintStream out) throws Exception {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (long seed : seeds) {
            SAMPLE_SEED = seed;
            SAVE_MISSES = saveMisses == null ? null : saveMisses.resolve("seed-" + seed);
            out.printf(Locale.ROOT, "%n=== sample seed %d ===%n", seed);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("sample_seed", seed);
            result.putAll(evaluate(folders, queries, radius, sweep, data, out));
            PooledSamples.printGoal("sample " + seed, PooledSamples.pool(List.of(rows(result))), out);
            samples.add(result);
        }
        List<PooledSamples.Row> pooled = PooledSamples.pool(samples.stream().map(DuplicateEval::rows).toList());
        PooledSamples.printTable(seeds, pooled, out);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("samples", samples);
        all.put("pooled", pooled.stream().map(PooledSamples.Row::json).toList());
        writeJson(json, all, out);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("rows");
    }

    /** The gallery of {@code folders} indexed in {@code data} (or reused from it), and one sample evaluated on it. */
    private static Map<String, Object> evaluate(List<Path> folders, int queries, int radius, double[] sweep, Path data, PrintStream out)
            throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (Gallery gallery = openIndexed(folders, data, out, summary -> result.put("index_summary", summary.toString()))) {
            result.put("gallery_images", gallery.stats().images());

            List<GalleryEntry> entries = new ArrayList<>();
            collect(gallery, folders, entries);
            Collections.shuffle(entries, new Random(SAMPLE_SEED));
            Map<Long, Integer> sameHash = new java.util.HashMap<>();
            entries.forEach(e -> sameHash.merge(e.pHash(), 1, Integer::sum));
            long shared = entries.stream().filter(e -> sameHash.get(e.pHash()) > 1).count();
            out.printf(Locale.ROOT, "%d of %d images share their exact pHash with another image; largest group %d%n", shared,
                    entries.size(), sameHash.values().stream().mapToInt(Integer::intValue).max().orElse(0));
            result.put("images_sharing_a_phash", shared);
            ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
            EditTwins editTwinReader = new EditTwins();
            PageTwins pageTwinReader = new PageTwins();
            CropTwins cropTwinReader = new CropTwins();
            java.util.Set<String> cropTwinPairs = new java.util.TreeSet<>();
            List<Source> sources = new ArrayList<>();
            List<String> blankPages = new ArrayList<>();
            for (GalleryEntry e : entries) {
                if (sources.size() == queries) {
                    break;
                }
                try {
                    DecodedImage img = asSource(decoder, e.path());
                    if (SourceKind.blankPage(img)) {
                        blankPages.add(e.path().toString());
                        out.println("  left out, nothing drawn (a blank page): " + e.path());
                        continue;
                    }
                    Source unlooked = Source.of(e, toBuffered(img), SourceKind.of(img), java.util.Set.of());
                    if (LINE_ART_ONLY && !unlooked.lineArt()) {
                        // kept, unlooked-up, so that each edit draws its random crops, turns and marks as in the full run
                        sources.add(unlooked);
                        continue;
                    }
                    // the set's own copies of the source: what the untouched source finds as the same picture
                    java.util.Set<String> twins = new java.util.HashSet<>();
                    for (DuplicateHit h : gallery.findDuplicates(img, radius)) {
                        // the same picture, or its mirror image (the set holds left and right arrows: a mirrored
                        // repost of one is the other), or either turned a little (the star polygons hold the same star
                        // at several turns, named turned since the edge step's turn is named)
                        boolean copy = h.samePicture() || h.confident() && !h.edits().isEmpty() && TURNED_OR_MIRRORED.containsAll(h.edits());
                        if (copy && (!h.verified() || h.similarity() >= TWIN_SIMILARITY)) {
                            twins.add(h.entry().sha256());
                        }
                    }
                    // and what the source's mirror image finds as the same picture: its mirror twin, looked up as posted
                    // (the gallery no longer lists a mirror twin beside a near-exact hit in the copy's own orientation,
                    // so the untouched source's own list no longer names it; docs/benchmarks.md, round 8)
                    for (DuplicateHit h : gallery.findDuplicates(fromBuffered(RepostEdits.mirror(toBuffered(img))), radius)) {
                        if (h.samePicture() && (!h.verified() || h.similarity() >= TWIN_SIMILARITY)) {
                            twins.add(h.entry().sha256());
                        }
                    }
                    sources.add(Source.of(e, toBuffered(img), SourceKind.of(img), twins));
                } catch (Exception ex) {
                    out.println("  cannot read " + e.path() + ": " + ex.getMessage());
                }
            }
            result.put("blank_pages_left_out", blankPages);
            long sketches = sources.stream().filter(s -> s.kind() == SourceKind.SKETCH).count();
            out.printf(Locale.ROOT, "%n%d queries per edit (%d sketch / line-art sources: %s; %d blank page%s left out), gallery of %d"
                    + " images, radius %d%n", sources.size(), sketches, SourceKind.SKETCH_RULE, blankPages.size(),
                    blankPages.size() == 1 ? "" : "s", entries.size(), radius);
            out.printf(Locale.ROOT, "%-22s %-7s %5s %8s %8s %8s %8s %7s %7s %7s %7s%n", "edit", "sources", "n", "recall", "strict",
                    "found", "false/q", "p50 ms", "p95 ms", "cpu p95", "named");
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Map<String, Object>> sweepRows = new ArrayList<>();
            List<String> blankCopies = new ArrayList<>();
            for (RepostEdits.Edit edit : RepostEdits.ALL) {
                if (!EVAL_EDITS.isEmpty() && !EVAL_EDITS.contains(edit.name())) {
                    continue;
                }
                int shownExamples = 0;
                int shownLists = 0;
                int shownMisnamed = 0;
                Random random = new Random(edit.name().hashCode());
                List<Outcome> outcomes = new ArrayList<>();
                List<List<DuplicateHit>> allHits = new ArrayList<>();
                List<Timing> times = new ArrayList<>();
                List<RepostEdits.Shown> shown = new ArrayList<>();
                List<Source> looked = new ArrayList<>(); // the sources looked up, with their edit twins
                for (Source plain : sources) {
                    Random draws = EditTwins.replayed(random);
                    RepostEdits.Copy made = edit.make().apply(plain.image(), random);
                    DecodedImage copy = fromBuffered(made.image());
                    if (LINE_ART_ONLY && !plain.lineArt()) {
                        continue;
                    }
                    if (SourceKind.blankPage(copy)) {
                        // the edit left nothing of the source (a pale drawing brightened past white): as with a blank source,
                        // there is no answer to find; named, and not a query (the edit's random draws are made already)
                        blankCopies.add(edit.name() + ": " + plain.entry().path());
                        out.println("  left out, the edit left nothing drawn: " + edit.name() + ": " + plain.entry().path());
                        continue;
                    }
                    long t0 = System.nanoTime(), cpu0 = THREADS.getCurrentThreadCpuTime();
                    List<DuplicateHit> hits = gallery.findDuplicates(copy, radius);
                    times.add(new Timing((System.nanoTime() - t0) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6));
                    allHits.add(hits);
                    // the other pictures the same edit turns into this copy count as the source's twins for it
                    java.util.Set<String> editTwins = editTwinReader.of(edit, draws, plain.image(), made.image(), hits,
                            h -> !h.entry().sha256().equals(plain.entry().sha256()) && !Outcome.twin(h.entry(), plain));
                    // the other pictures that hold the window a crop was cut from, pixel for pixel
                    java.util.Set<String> cropTwins = made.cut().map(window -> cropTwinReader.of(plain.image(), window, hits,
                            h -> !h.entry().sha256().equals(plain.entry().sha256()) && !Outcome.twin(h.entry(), plain)
                                    && !editTwins.contains(h.entry().sha256()))).orElse(java.util.Set.of());
                    // and the set's second export of the same drawing at another page size
                    java.util.Set<String> pageTwins = pageTwinReader.of(plain, hits,
                            h -> !h.entry().sha256().equals(plain.entry().sha256()) && !Outcome.twin(h.entry(), plain)
                                    && !editTwins.contains(h.entry().sha256()) && !cropTwins.contains(h.entry().sha256()));
                    java.util.Set<String> copyTwins = new java.util.HashSet<>(editTwins);
                    copyTwins.addAll(cropTwins);
                    copyTwins.addAll(pageTwins);
                    hits.stream().filter(h -> cropTwins.contains(h.entry().sha256()))
                            .forEach(h -> cropTwinPairs.add(edit.name() + ": " + plain.entry().path() + " -> " + h.entry().path()));
                    Source s = plain.withEditTwins(copyTwins);
                    if (MISSES && !copyTwins.isEmpty() && !s.star()) {
                        hits.stream().filter(h -> copyTwins.contains(h.entry().sha256())).forEach(h -> out.printf(Locale.ROOT,
                                "  %s twin%s: %s -> %s (%.3f %s)%n", pageTwins.contains(h.entry().sha256()) ? "page"
                                        : cropTwins.contains(h.entry().sha256()) ? "crop" : "edit", lineArtMark(s),
                                s.entry().path(), h.entry().path(), h.similarity(), edits(h)));
                    }
                    RepostEdits.Shown seen = s.ownMirror() ? made.shown().ofOwnMirror() : made.shown();
                    shown.add(seen);
                    looked.add(s);
                    for (DuplicateHit h : hits) {
                        // examples from the star polygons would crowd out everything else (see STARS_FOLDER)
                        if (shownExamples < EXAMPLES && !h.entry().sha256().equals(s.entry().sha256()) && !Outcome.twin(h.entry(), s)
                                && !s.star()) {
                            shownExamples++;
                            out.printf(Locale.ROOT, "  false%s: %s -> %s (%.3f %s)%n", lineArtMark(s), s.entry().path(), h.entry().path(), h.similarity(), edits(h));
                        }
                    }
                    if (shownLists < EXAMPLES && !s.star()
                            && hits.stream().anyMatch(h -> !h.entry().sha256().equals(s.entry().sha256()) && !Outcome.twin(h.entry(), s))) {
                        shownLists++;
                        out.println(list(s, hits));
                    }
                    outcomes.add(Outcome.of(s, seen::namedBy, atLeast(hits, sweep.length > 0 ? DuplicateHit.COPY_SIMILARITY : -1), times.getLast()));
                    Outcome last = outcomes.getLast();
                    if (STARS && last.star() && (!last.first() || last.falseHits() > 0)) {
                        out.println((last.first() ? "  star false:" : "  star miss:") + list(s, hits).substring("  list:".length()));
                    }
                    if (MISSES && last.first() && !last.named() && !last.star() && shownMisnamed < EXAMPLES) {
                        shownMisnamed++;
                        out.printf(Locale.ROOT, "  misnamed%s: %s -> %s (%.3f %s; the copy shows %s)%n", lineArtMark(s), s.entry().path(),
                                hits.get(0).entry().path(), hits.get(0).similarity(), edits(hits.get(0)), seen.shows().stream().sorted().toList());
                    }
                    if (MISSES && !last.first() && !last.star()) {
                        saveMiss(edit.name(), s, copy);
                        out.printf(Locale.ROOT, "  miss%s: %s (found %s) first: %s%n", lineArtMark(s), s.entry().path(), last.found(),
                                hits.isEmpty() ? "none" : hits.get(0).entry().path() + String.format(Locale.ROOT, " (%.3f %s)",
                                        hits.get(0).similarity(), edits(hits.get(0))));
                    }
                }
                for (double t : sweep) {
                    List<Outcome> at = new ArrayList<>();
                    for (int q = 0; q < looked.size(); q++) {
                        at.add(Outcome.of(looked.get(q), shown.get(q)::namedBy, atLeast(allHits.get(q), t), times.get(q)));
                    }
                    Map<String, Object> row = Outcome.summarise(edit.name(), "all", at);
                    row.put("threshold", t);
                    Map<String, Object> others = Outcome.summarise(edit.name(), "not-stars", at.stream().filter(o -> !o.star()).toList());
                    others.put("threshold", t);
                    out.printf(Locale.ROOT, "  at %.2f: %-22s recall %.3f  found %.3f  false/q %.3f | not-stars: recall %.3f  false/q %.3f%n",
                            t, edit.name(), row.get("recall"), row.get("found"), row.get("false_per_query"), others.get("recall"),
                            others.get("false_per_query"));
                    sweepRows.add(row);
                    sweepRows.add(others);
                }
                for (String group : List.of("all", "colour", "sketch", "stars", "not-stars", "line art")) {
                    List<Outcome> in = outcomes.stream().filter(o -> switch (group) {
                        case "all" -> true;
                        case "stars" -> o.star();
                        case "not-stars" -> !o.star();
                        // the faint drawings the issue names, without the star polygons that make up half the sketches
                        case "line art" -> !o.star() && o.kind() == SourceKind.SKETCH;
                        default -> o.kind().label().equals(group);
                    }).toList();
                    if (in.isEmpty()) {
                        continue;
                    }
                    Map<String, Object> row = Outcome.summarise(edit.name(), group, in);
                    out.printf(Locale.ROOT, "%-22s %-7s %5d %8.3f %8.3f %8.3f %8.3f %7.2f %7.2f %7.2f %7.3f%n", edit.name(), group, in.size(),
                            row.get("recall"), row.get("recall_strict"), row.get("found"), row.get("false_per_query"),
                            row.get("lookup_p50_ms"), row.get("lookup_p95_ms"), row.get("lookup_cpu_p95_ms"), row.get("named"));
                    rows.add(row);
                }
            }
            result.put("rows", rows);
            result.put("sweep", sweepRows);
            out.printf(Locale.ROOT, "%ncopies left out, their edit left nothing drawn: %d%n", blankCopies.size());
            result.put("blank_copies_left_out", blankCopies);
            out.printf(Locale.ROOT, "%npage twins counted (the same drawing at another page size, PageTwins): %d%n", pageTwinReader.pairs().size());
            pageTwinReader.pairs().forEach(pair -> out.println("  " + pair));
            result.put("page_twins", List.copyOf(pageTwinReader.pairs()));
            out.printf(Locale.ROOT, "%ncrop twins counted (pictures that hold a crop's window pixel for pixel, CropTwins): %d%n", cropTwinPairs.size());
            cropTwinPairs.forEach(pair -> out.println("  " + pair));
            result.put("crop_twins", List.copyOf(cropTwinPairs));
        }
        return result;
    }

    /** {@code --unrelated}: the gallery of {@code folders} indexed, then {@link UnrelatedLookups} of {@code unrelated}. */
    static int runUnrelated(List<Path> folders, Path unrelated, int queries, int radius, Path json, Path dataDir, PrintStream out)
            throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        inData(dataDir, data -> {
            try (Gallery gallery = openIndexed(folders, data, out, summary -> result.put("index_summary", summary.toString()))) {
                result.put("gallery_images", gallery.stats().images());
                UnrelatedLookups.Result r = UnrelatedLookups.run(gallery, unrelated, queries, radius, SAMPLE_SEED, EXAMPLES, out);
                UnrelatedLookups.print(r, unrelated, out);
                result.put("unrelated", r.json());
            }
        });
        writeJson(json, result, out);
        return 0;
    }

    private static void writeJson(Path json, Map<String, Object> result, PrintStream out) throws IOException {
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
            out.println("wrote " + json);
        }
    }

    /** Writes a missed copy to {@link #SAVE_MISSES}, named by its edit and source, when asked to. */
    private static void saveMiss(String edit, Source s, DecodedImage copy) throws IOException {
        if (SAVE_MISSES == null) {
            return;
        }
        Files.createDirectories(SAVE_MISSES);
        String name = (edit + "--" + s.entry().path().getFileName()).replaceAll("[^A-Za-z0-9._+-]", "_");
        ImageIO.write(toBuffered(copy), "png", SAVE_MISSES.resolve(name.endsWith(".png") ? name : name + ".png").toFile());
    }

    /**
     * A query's whole list, each hit marked S (the source), T (a twin of it) or F (a false duplicate), with its similarity,
     * edits and hash distances: whether the source outscored the false one, and by how much.
     */
    private static String list(Source s, List<DuplicateHit> hits) {
        StringBuilder line = new StringBuilder("  list: " + s.entry().path().getFileName() + " ->");
        for (DuplicateHit h : hits) {
            String mark = h.entry().sha256().equals(s.entry().sha256()) ? "S" : Outcome.twin(h.entry(), s) ? "T" : "F";
            line.append(String.format(Locale.ROOT, " | %s %s %.3f %s p%d d%d", mark, h.entry().path().getFileName(), h.similarity(),
                    edits(h), h.pHashDistance(), h.dHashDistance()));
        }
        return line.toString();
    }

    /** " [line art]" for a sketch source outside the star polygons (the "line art" rows), so its lines can be picked out. */
    private static String lineArtMark(Source s) {
        return s.lineArt() ? " [line art]" : "";
    }

    /** Hits the verifier scored at least {@code threshold}, and those it could not score (decided by hashes). */
    private static List<DuplicateHit> atLeast(List<DuplicateHit> hits, double threshold) {
        return hits.stream().filter(h -> !h.verified() || h.similarity() >= threshold).toList();
    }

    /** A query's source: its gallery entry, the picture the edits start from, its kind, its twins, and whether its drawing is its own mirror image. */
    record Source(GalleryEntry entry, BufferedImage image, SourceKind kind, java.util.Set<String> twins, boolean ownMirror) {
        /** A source, its drawing's symmetry measured ({@link RepostEdits#ownMirror}). */
        static Source of(GalleryEntry entry, BufferedImage image, SourceKind kind, java.util.Set<String> twins) {
            return new Source(entry, image, kind, twins, RepostEdits.ownMirror(image));
        }

        /** The source for one copy: its twins and the copy's {@link EditTwins}. */
        Source withEditTwins(java.util.Set<String> editTwins) {
            if (editTwins.isEmpty()) {
                return this;
            }
            java.util.Set<String> all = new java.util.HashSet<>(twins);
            all.addAll(editTwins);
            return new Source(entry, image, kind, java.util.Set.copyOf(all), ownMirror);
        }

        /** Whether the source is one of the star polygons ({@link #STARS_FOLDER}), reported apart. */
        boolean star() {
            return entry.path().toString().contains(STARS_FOLDER);
        }

        /** Whether the source counts in the "line art" rows: a sketch outside the star polygons. */
        boolean lineArt() {
            return kind == SourceKind.SKETCH && !star();
        }
    }

    /**
     * One lookup's result. The source counts as found first when the first hit is the source or a twin of it (an image
     * of the set within {@value #SAME_PICTURE_BITS} pHash bits: the clip-art set holds the same drawing under several
     * names); {@code strict} only for the source itself. A false duplicate is any other hit.
     */
    /**
     * One lookup's time: wall, and the lookup thread's CPU, which the machine's other work barely moves (the evaluation
     * often shares two cores with builds and other runs, at load averages of 5-15, where wall time says more of the load).
     */
    record Timing(double wallMs, double cpuMs) {
    }

    record Outcome(SourceKind kind, boolean star, boolean first, boolean strict, boolean found, boolean named, int falseHits, Timing time) {
        /** {@code named}: found first, and that hit's edits name how the copy was made ({@code namesTheEdit}). */
        static Outcome of(Source s, Predicate<Set<RepostEdit>> namesTheEdit, List<DuplicateHit> hits, Timing time) {
            String sha = s.entry().sha256();
            boolean strict = !hits.isEmpty() && hits.get(0).entry().sha256().equals(sha);
            boolean first = strict || !hits.isEmpty() && twin(hits.get(0).entry(), s);
            boolean found = hits.stream().anyMatch(h -> h.entry().sha256().equals(sha));
            boolean named = first && namesTheEdit.test(hits.get(0).edits());
            int falseHits = (int) hits.stream().filter(h -> !h.entry().sha256().equals(sha) && !twin(h.entry(), s)).count();
            return new Outcome(s.kind(), s.star(), first, strict, found, named, falseHits, time);
        }

        static boolean twin(GalleryEntry hit, Source s) {
            return Long.bitCount(hit.pHash() ^ s.entry().pHash()) <= SAME_PICTURE_BITS || s.twins().contains(hit.sha256());
        }

        static Map<String, Object> summarise(String edit, String group, List<Outcome> in) {
            double n = in.size();
            double[] ms = in.stream().mapToDouble(o -> o.time().wallMs()).sorted().toArray();
            double[] cpu = in.stream().mapToDouble(o -> o.time().cpuMs()).sorted().toArray();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("edit", edit);
            row.put("sources", group);
            row.put("queries", in.size());
            long first = in.stream().filter(Outcome::first).count();
            int falseHits = in.stream().mapToInt(Outcome::falseHits).sum();
            row.put("recall", first / n);
            row.put("first", first);
            row.put("false_hits", falseHits);
            row.put("recall_strict", in.stream().filter(Outcome::strict).count() / n);
            row.put("found", in.stream().filter(Outcome::found).count() / n);
            row.put("false_per_query", falseHits / n);
            // of the copies found first, the share whose hit says how the copy was edited
            row.put("named", first == 0 ? 0 : in.stream().filter(Outcome::named).count() / (double) first);
            row.put("queries_with_false", in.stream().filter(o -> o.falseHits() > 0).count());
            row.put("lookup_p50_ms", ms[(ms.length - 1) / 2]);
            row.put("lookup_p95_ms", ms[(int) Math.ceil(0.95 * ms.length) - 1]);
            row.put("lookup_cpu_p50_ms", cpu[(cpu.length - 1) / 2]);
            row.put("lookup_cpu_p95_ms", cpu[(int) Math.ceil(0.95 * cpu.length) - 1]);
            return row;
        }
    }

    static void collect(Gallery gallery, List<Path> folders, List<GalleryEntry> out) throws IOException {
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

    /**
     * The evaluations' gallery of {@code folders} in {@code data} (no models, files and hashes only), brought up to date
     * with a progress bar on {@code out}; the reindex summary printed and handed to {@code summary}.
     */
    static Gallery openIndexed(List<Path> folders, Path data, PrintStream out, java.util.function.Consumer<ReindexSummary> summary) {
        GalleryOptions options = GalleryOptions.builder().dataDir(data).folders(folders).clipModels(List.of()).batchSize(256).build();
        Gallery gallery = Gallery.open(options, new NoModels());
        ConsoleProgressBar bar = new ConsoleProgressBar(out);
        ReindexSummary done = gallery.reindex(ReindexRequest.incremental(), bar, CancellationToken.none());
        bar.finish();
        out.println("gallery: " + done);
        summary.accept(done);
        return gallery;
    }

    private static String sha256(Path p) throws IOException {
        return sha256(Files.readAllBytes(p));
    }

    /** The hex sha256 of {@code bytes}: a gallery entry's key for a file of those bytes. */
    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The picture at {@code file} as the evaluation takes its sources and cuts its copies: on white, reduced to {@value #SOURCE_SIDE}. */
    static DecodedImage asSource(ImageDecoder decoder, Path file) throws ImageDecodeException {
        return ImageOps.reduce(onWhite(decoder.decode(file)), SOURCE_SIDE);
    }

    /** A hit's edits in their declared order: a set's own order differs from run to run, and so would the printed lines. */
    static List<dev.acgbot.gallery.RepostEdit> edits(DuplicateHit h) {
        return h.edits().stream().sorted().toList();
    }

    static DecodedImage onWhite(DecodedImage img) {
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






    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
