package dev.acgbot.bench.gallery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.acgbot.bench.cli.MissingPrerequisite;
import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.GalleryStats;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.gallery.SearchFilter;
import dev.acgbot.gallery.SearchHit;
import dev.acgbot.gallery.cli.ConsoleProgressBar;
import dev.acgbot.gallery.rating.RatingClassifier;
import dev.acgbot.models.api.EngineActivity;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.hash.Sha256;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.runtime.InferenceRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * /similar's quality with REAL image features, the first such figure: Debian's openclipart-png is indexed as a
 * gallery (the real indexer) with an image-embedding model (default: nsfwjs MobileNetV2's global-pool features,
 * models/nsfwjs) and the nsfwjs classifier as rating source; then a fixed random sample of its images is looked up
 * exactly as /similar does (near duplicates by perceptual hash first and left out of the list, then the k nearest
 * by the model's vectors, the query itself excluded). A hit is relevant when it shares a topic folder with the query
 * (animals, buildings, food, ...; a drawing filed under several folders has them all; "unsorted" is left out).
 * Reports precision@k overall and per topic, next to chance (the share of other images that share a topic), the
 * indexing speed, and how the classifier rated this safe-for-work set (its false alarms at several thresholds).
 * Without the data set or the model it says what to install and exits 2.
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "/similar precision@k on openclipart topic folders with real image features (nsfwjs by default), "
                + "and the rating classifier's false alarms on that safe set.")
public final class SimilarEval implements Callable<Integer> {
    static final Path OPENCLIPART = Path.of("/usr/share/openclipart/png");

    @Option(names = "--gallery", paramLabel = "DIR", description = "folder of topic folders (default ${DEFAULT-VALUE})",
            defaultValue = "/usr/share/openclipart/png")
    Path gallery;
    @Option(names = "--manifests", paramLabel = "DIR", defaultValue = "models/nsfwjs", description = "manifest folder (default ${DEFAULT-VALUE})")
    Path manifests;
    @Option(names = "--model", defaultValue = "nsfwjs-mobilenet-v2-features", description = "image-embedding or CLIP image model (default ${DEFAULT-VALUE})")
    String model;
    @Option(names = "--classifier", defaultValue = "nsfwjs-mobilenet-v2", description = "rating classifier; 'none' to skip (default ${DEFAULT-VALUE})")
    String classifier;
    @Option(names = "--queries", defaultValue = "1000", description = "images looked up (default ${DEFAULT-VALUE})")
    int queries;
    @Option(names = "--k", defaultValue = "5", description = "neighbours per query (default ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--duplicate-distance", defaultValue = "8", description = "/similar's near-duplicate radius (default ${DEFAULT-VALUE})")
    int duplicateDistance;
    @Option(names = "--pictures", defaultValue = "0", description = "index a fixed random sample of N pictures across all topics (0: all)")
    int limit;
    @Option(names = "--threads", defaultValue = "2", description = "ONNX Runtime intra-op threads (default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
    Path json;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "gallery data dir (default: temp)")
    Path dataDir;

    /** One indexed picture: its content hash, a file of it and every topic folder that holds it. */
    record Picture(String sha, Path file, Set<String> topics) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(gallery)) {
            throw new MissingPrerequisite(gallery.equals(OPENCLIPART)
                    ? "the pictures are missing: install with `sudo apt-get install openclipart-png` (or pass --gallery DIR)"
                    : "--gallery " + gallery + " is not a folder");
        }
        if (!Files.isDirectory(manifests)) {
            throw new MissingPrerequisite("--manifests " + manifests + " is not a folder (run from the repository root, "
                    + "where models/nsfwjs holds the committed nsfwjs export)");
        }
        if (queries < 1 || k < 1) {
            throw new IllegalArgumentException("--queries and --k must be at least 1");
        }
        return run(System.out);
    }

    private int run(PrintStream out) throws Exception {
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("acgbot-similar-eval");
        Path topicRoot = data.resolve("pictures");
        Map<String, Picture> pictures = pictures(topicRoot);
        Map<String, Object> result = new LinkedHashMap<>();
        try (InferenceRuntime runtime = InferenceRuntime.builder().builtIns(false).manifestDirs(manifests)
                .modelDir(data.resolve("models")).device("cpu").intraOpThreads(threads).maxWait(Duration.ofMillis(2)).build()) {
            for (String id : classifier.equals("none") ? List.of(model) : List.of(model, classifier)) {
                if (runtime.model(id).filter(ModelInfo::available).isEmpty()) {
                    throw new MissingPrerequisite("model " + id + " is not installed under " + manifests);
                }
            }
            RecordingClassifier recording = new RecordingClassifier(runtime, classifier);
            // default thresholds of safety.classifier (SafetySettings.Classifier.DEFAULTS)
            Optional<RatingClassifier> rating = classifier.equals("none") ? Optional.empty()
                    : Optional.of(new RatingClassifier(classifier, 0.6f, 0.6f, 0.85f));
            GalleryOptions options = GalleryOptions.builder().dataDir(data.resolve("gallery")).folders(List.of(topicRoot))
                    .clipModels(List.of(model)).classifier(rating).batchSize(32).build();
            try (Gallery g = Gallery.open(options, recording)) {
                out.printf(Locale.ROOT, "indexing %d pictures (load %s)%n", pictures.size(), loadAverage());
                long t0 = System.nanoTime();
                ConsoleProgressBar bar = new ConsoleProgressBar(out);
                ReindexSummary summary = g.reindex(ReindexRequest.incremental(), bar, CancellationToken.none());
                bar.finish();
                double seconds = (System.nanoTime() - t0) / 1e9;
                // a classifier and features of one graph share its runs (SharedGraph): 1 run a picture, not 2
                long runs = runtime.activity().orElseThrow().models().stream().mapToLong(EngineActivity.ModelActivity::items).sum();
                out.printf(Locale.ROOT, "gallery: %s%nindexing: %.1f images/s over %.0f s, %d intra-op threads (load %s), "
                                + "%.2f model runs a picture%n", summary, summary.added() / seconds, seconds, threads,
                        loadAverage(), (double) runs / summary.added());
                result.put("model_runs_per_picture", (double) runs / summary.added());
                result.put("model", model);
                result.put("gallery_images", g.stats().images());
                result.put("index_images_per_second", summary.added() / seconds);
                result.put("load_average", loadAverage());
                precision(g, pictures, out, result);
                ratings(g.stats(), recording, out, result);
                flagged(g, pictures, out, result);
            }
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
            out.println("wrote " + json);
        }
        return 0;
    }

    /**
     * Copies every topic folder's PNGs ("unsorted" left out; a fixed random sample of {@code --pictures}) under one root
     * (the gallery does not follow links), so the gallery indexes them once each and a picture's topics are read
     * from its paths.
     */
    private Map<String, Picture> pictures(Path root) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(gallery)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".png"))
                    .filter(p -> !topic(p).equals("unsorted")).sorted().toList();
        }
        if (limit > 0 && files.size() > limit) {
            List<Path> shuffled = new ArrayList<>(files);
            Collections.shuffle(shuffled, new Random(16));
            files = shuffled.subList(0, limit).stream().sorted().toList();
        }
        Map<String, Picture> bySha = new LinkedHashMap<>();
        for (Path f : files) {
            String sha = Sha256.hex(f);
            Path copy = root.resolve(gallery.relativize(f).toString());
            Files.createDirectories(copy.getParent());
            if (!Files.exists(copy)) {
                Files.copy(f, copy);
            }
            bySha.computeIfAbsent(sha, s -> new Picture(s, f, new HashSet<>())).topics().add(topic(f));
        }
        return bySha;
    }

    private String topic(Path file) {
        return gallery.relativize(file).getName(0).toString();
    }

    private void precision(Gallery g, Map<String, Picture> pictures, PrintStream out, Map<String, Object> result) throws Exception {
        // pictures the indexer refused (over the decoder's 40-megapixel limit) are not in the gallery
        List<Picture> all = pictures.values().stream().filter(p -> g.entry(p.sha()).isPresent()).toList();
        List<Picture> sample = new ArrayList<>(all);
        Collections.shuffle(sample, new Random(16));
        sample = sample.subList(0, Math.min(queries, sample.size()));
        ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
        Map<String, double[]> perTopic = new TreeMap<>(); // topic -> {sum precision, queries, sum chance}
        double sum = 0;
        double chanceSum = 0;
        long duplicates = 0;
        int done = 0;
        long t0 = System.nanoTime();
        for (Picture q : sample) {
            DecodedImage pixels = decoder.decode(Files.readAllBytes(q.file()));
            SearchFilter filter = SearchFilter.excluding(q.sha());
            for (DuplicateHit d : g.findDuplicates(pixels, duplicateDistance)) {
                if (!d.entry().sha256().equals(q.sha())) {
                    filter = filter.exclude(d.entry().sha256());
                    duplicates++;
                }
            }
            List<SearchHit> hits = g.searchByImage(model, pixels, k, filter);
            int relevant = 0;
            for (SearchHit h : hits) {
                Picture p = pictures.get(h.entry().sha256());
                if (p != null && !Collections.disjoint(p.topics(), q.topics())) {
                    relevant++;
                }
            }
            double precision = (double) relevant / k;
            double chance = chance(q, all);
            sum += precision;
            chanceSum += chance;
            for (String t : q.topics()) {
                double[] acc = perTopic.computeIfAbsent(t, x -> new double[3]);
                acc[0] += precision;
                acc[1]++;
                acc[2] += chance;
            }
            done++;
        }
        double queriesPerSecond = done / ((System.nanoTime() - t0) / 1e9);
        out.printf(Locale.ROOT, "%n/similar precision@%d on %d queries (%d pictures, %d topics), model %s%n", k, done,
                all.size(), perTopic.size(), model);
        out.printf(Locale.ROOT, "%-20s %8s %10s %8s%n", "topic", "queries", "precision", "chance");
        List<Map<String, Object>> rows = new ArrayList<>();
        perTopic.forEach((t, acc) -> {
            out.printf(Locale.ROOT, "%-20s %8d %10.3f %8.3f%n", t, (int) acc[1], acc[0] / acc[1], acc[2] / acc[1]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topic", t);
            row.put("queries", (int) acc[1]);
            row.put("precision_at_k", acc[0] / acc[1]);
            row.put("chance", acc[2] / acc[1]);
            rows.add(row);
        });
        out.printf(Locale.ROOT, "%-20s %8d %10.3f %8.3f%n", "all", done, sum / done, chanceSum / done);
        // every topic counted once: the sample follows openclipart's folder sizes (computer and shapes dominate)
        double topicMean = perTopic.values().stream().mapToDouble(acc -> acc[0] / acc[1]).average().orElse(0);
        double topicChance = perTopic.values().stream().mapToDouble(acc -> acc[2] / acc[1]).average().orElse(0);
        out.printf(Locale.ROOT, "%-20s %8s %10.3f %8.3f%n", "mean of topics", "", topicMean, topicChance);
        out.printf(Locale.ROOT, "near duplicates left out of the lists: %.2f per query; %.1f queries/s (load %s)%n",
                (double) duplicates / done, queriesPerSecond, loadAverage());
        result.put("k", k);
        result.put("queries", done);
        result.put("precision_at_k", sum / done);
        result.put("chance", chanceSum / done);
        result.put("precision_at_k_mean_of_topics", topicMean);
        result.put("chance_mean_of_topics", topicChance);
        result.put("near_duplicates_per_query", (double) duplicates / done);
        result.put("per_topic", rows);
    }

    /** The precision of k random other pictures: the share of the others that share a topic with the query. */
    private static double chance(Picture q, List<Picture> all) {
        long sharing = all.stream().filter(p -> p != q && !Collections.disjoint(p.topics(), q.topics())).count();
        return (double) sharing / (all.size() - 1);
    }

    private static void ratings(GalleryStats stats, RecordingClassifier recording, PrintStream out, Map<String, Object> result) {
        if (recording.adult.isEmpty()) {
            return;
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        stats.ratings().forEach((r, n) -> counts.put(r.word(), n));
        out.printf(Locale.ROOT, "%nratings stored (safety.classifier defaults 0.6/0.6/0.85, no tagger): %s%n", counts);
        result.put("ratings", counts);
        int n = recording.adult.size();
        Map<String, Object> alarms = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "classifier scores on %d safe-for-work pictures:%n", n);
        for (double t : new double[]{0.1, 0.2, 0.35, 0.5, 0.6, 0.85}) {
            long adult = recording.adult.stream().filter(a -> a[0] >= t).count();
            long sensitive = recording.adult.stream().filter(a -> a[0] + a[1] >= t).count();
            out.printf(Locale.ROOT, "  Porn+Hentai >= %.2f: %5d (%.2f %%)   Porn+Hentai+Sexy >= %.2f: %5d (%.2f %%)%n",
                    t, adult, 100.0 * adult / n, t, sensitive, 100.0 * sensitive / n);
            alarms.put(String.format(Locale.ROOT, "%.2f", t), Map.of("porn_hentai", adult, "porn_hentai_sexy", sensitive));
        }
        result.put("classifier_pictures", n);
        result.put("classifier_at_or_above", alarms);
    }

    /** The pictures of this safe-for-work set the classifier did not rate safe: its false alarms, by name. */
    private static void flagged(Gallery g, Map<String, Picture> pictures, PrintStream out, Map<String, Object> result) {
        List<String> flagged = new ArrayList<>();
        for (Picture p : pictures.values()) {
            g.entry(p.sha()).filter(e -> e.rating().ordinal() > dev.acgbot.gallery.rating.ContentRating.SAFE.ordinal())
                    .ifPresent(e -> flagged.add(e.rating().word() + " " + p.file()));
        }
        Collections.sort(flagged);
        flagged.forEach(f -> out.println("  not rated safe: " + f));
        result.put("not_rated_safe", flagged);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** The runtime, noting the classifier's Porn+Hentai and Sexy for every picture it rates. */
    private static final class RecordingClassifier implements Inference {
        private final InferenceRuntime runtime;
        private final String classifier;
        final ConcurrentLinkedQueue<double[]> adult = new ConcurrentLinkedQueue<>();

        RecordingClassifier(InferenceRuntime runtime, String classifier) {
            this.runtime = runtime;
            this.classifier = classifier;
        }

        @Override
        public List<ModelInfo> models() {
            return runtime.models();
        }

        @Override
        public Optional<ModelInfo> model(String id) {
            return runtime.model(id);
        }

        @Override
        public List<TagResult> tag(String modelId, List<DecodedImage> images) {
            List<TagResult> out = runtime.tag(modelId, images);
            if (modelId.equals(classifier)) {
                for (TagResult r : out) {
                    Map<String, Float> s = new java.util.HashMap<>();
                    r.scores().forEach(t -> s.put(t.name().toLowerCase(Locale.ROOT), t.score()));
                    adult.add(new double[]{s.getOrDefault("porn", 0f) + s.getOrDefault("hentai", 0f), s.getOrDefault("sexy", 0f)});
                }
            }
            return out;
        }

        @Override
        public List<float[]> embedImages(String modelId, List<DecodedImage> images) {
            return runtime.embedImages(modelId, images);
        }

        @Override
        public TextEmbedding embedText(String modelId, String text) {
            return runtime.embedText(modelId, text);
        }

        @Override
        public void close() {
        }
    }
}
