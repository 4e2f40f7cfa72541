package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.GalleryStats;
import dev.acgbot.gallery.IndexMode;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexProgress;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.gallery.SearchFilter;
import dev.acgbot.gallery.SearchHit;
import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.image.DecodedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/**
 * The gallery: store, in-memory vectors and hashes, and the published {@link Snapshot} searches read. All
 * changes go through the write lock (reindex, graph builds); searches never take it.
 */
public final class DefaultGallery implements Gallery {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultGallery.class);

    private final GalleryOptions options;
    private final Inference inference;
    private final GalleryStore store;
    private final GraphFiles graphFiles;
    private final HashFiles hashFiles;
    private final VectorFiles vectorFiles;
    /** Store generation the vector files were last written or read at; close() skips writing them when current. */
    private long vectorFilesAt = -1;
    private final HalfVectorFiles halfFiles;
    /** The same for the fp16 files the re-rank reads (written apart: they cost a pass over the store's embeddings). */
    private long halfFilesAt = -1;
    private final ExecutorService searchPool;
    /**
     * A duplicate lookup's independent pieces (the copy's and its mirror image's hash search, the candidates' pose searches)
     * shared with the search helpers: on 2 cores the 100k lookup's p95 went 42-43 ms to 33-39 ms (docs/benchmarks.md,
     * "Lookup on two cores, round 14"), the verdicts unchanged.
     */
    private final SharedWork lookupWork;
    private final java.util.concurrent.atomic.AtomicInteger lookupsInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final ReentrantLock writeLock = new ReentrantLock();
    /** True while the start-up graph build holds (or is about to take) the write lock: a reindex then waits. */
    private volatile boolean buildingAtStartup;
    private final Map<String, ModelRows> rows = new LinkedHashMap<>();
    private HashRows hashes = new HashRows(); // replaced once, by load(), before anything reads it
    private volatile Snapshot current;
    private volatile FilterCache filterCache;

    /** What searches read; replaced, never changed. */
    record Snapshot(long generation, Map<String, ModelRows.Snapshot> models, HashRows.Snapshot hashes) {
    }

    private record FilterCache(long generation, SearchFilter filter, Set<String> allowed) {
    }

    private DefaultGallery(GalleryOptions options, Inference inference, GalleryStore store) {
        this.options = options;
        this.inference = inference;
        this.store = store;
        this.graphFiles = new GraphFiles(options.dataDir().resolve("graphs"));
        this.vectorFiles = new VectorFiles(options.dataDir().resolve("vectors"));
        this.hashFiles = new HashFiles(options.dataDir().resolve("vectors"));
        this.halfFiles = new HalfVectorFiles(options.dataDir().resolve("vectors"));
        int helpers = Math.max(1, options.searchThreads() - 1);
        this.searchPool = Executors.newFixedThreadPool(helpers, r -> {
            Thread t = new Thread(r, "gallery-search");
            t.setDaemon(true);
            return t;
        });
        this.lookupWork = new SharedWork(searchPool, options.searchThreads() - 1);
    }

    public static DefaultGallery open(GalleryOptions options, Inference inference) {
        List<ModelInfo> models = new ArrayList<>();
        for (String id : options.clipModels()) {
            ModelInfo info = inference.model(id)
                    .orElseThrow(() -> new IllegalArgumentException("unknown CLIP model '" + id + "'"));
            if (!info.task().embedsImages()) {
                throw new IllegalArgumentException("'" + id + "' is a " + info.task().manifestName()
                        + " model, not a CLIP image tower or an image-embedding model");
            }
            models.add(info);
        }
        GalleryStore store = GalleryStore.open(options.dataDir().resolve("gallery.db"), options.encoding(),
                List.of(new RatingMigration(options.ratingRule())), options.storeMmap());
        DefaultGallery gallery = new DefaultGallery(options, inference, store);
        try {
            gallery.load(models);
        } catch (RuntimeException e) {
            gallery.close();
            throw e;
        }
        return gallery;
    }

    /** See {@link dev.acgbot.gallery.Gallery#suggestedHeap}. */
    public static java.util.OptionalLong suggestedHeap(GalleryOptions options) {
        java.nio.file.Path vectors = options.dataDir().resolve("vectors");
        java.util.OptionalInt images = new HashFiles(vectors).rowCount();
        if (images.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        int n = images.getAsInt();
        return java.util.OptionalLong.of(HeapEstimate.suggestedHeap(n, heapModels(options, n, new VectorFiles(vectors).dimensions())));
    }

    /** The rows each CLIP model of these dimensions takes at {@code images} under {@code options}, graph included when wanted. */
    private static List<HeapEstimate.Model> heapModels(GalleryOptions options, int images, List<Integer> dimensions) {
        boolean graph = options.indexMode() == IndexMode.APPROXIMATE
                || options.indexMode() == IndexMode.AUTO && images >= options.approximateThreshold();
        int degree = graph ? 2 * options.graphParams().m() : 0;
        return dimensions.stream().map(d -> new HeapEstimate.Model(d, options.vectorPrecision().format(images, d), degree)).toList();
    }

    /** Candidates the verifier sees at most: the verifier is most of a lookup's time (DuplicateLookupScaleTest). */
    static final int MAX_CANDIDATES = 24;
    /** Hash radius of the candidate stage: wider than /similar's 8 so crops and rotations still reach the verifier. */
    static final int CANDIDATE_RADIUS = 14;

    private void load(List<ModelInfo> models) {
        long t0 = System.nanoTime();
        long generation = store.generation();
        Optional<HashRows> savedHashes = hashFiles.load(generation);
        boolean allFromFiles = savedHashes.isPresent();
        boolean allHalfMapped = true;
        hashes = savedHashes.orElseGet(this::readHashes);
        long hashesDone = System.nanoTime();
        // before the vectors, the bulk of the heap: a heap too small is said here, with the fix, not by an OutOfMemoryError
        long maxHeap = Runtime.getRuntime().maxMemory();
        int images = hashes.rowOf.size();
        HeapEstimate.of(images, heapModels(options, images, models.stream().map(ModelInfo::dimension).toList()), maxHeap)
                .warning(maxHeap).ifPresent(LOG::warn);
        for (ModelInfo info : models) {
            ModelRows r = vectorFiles.load(info.id(), info.manifestHash(), info.dimension(), generation, this::sharedSha,
                    n -> options.vectorPrecision().format(n, info.dimension())).orElse(null);
            if (r != null) {
                graphFiles.attach(r, options.graphParams());
            } else {
                allFromFiles = false;
                r = readStore(info);
            }
            r = r.in(rowFormat(r)); // a no-op unless tombstones moved the live count across the threshold
            if (!wantsGraph(r)) {
                r.graph = null;
            }
            if (rerankFromFiles()) {
                r.half = halfFiles.open(r, generation).orElse(null);
                allHalfMapped &= r.half != null;
            }
            rows.put(info.id(), r);
        }
        vectorFilesAt = allFromFiles ? generation : -1;
        halfFilesAt = allHalfMapped ? generation : -1;
        // start-up time at large galleries is these reads (./acgbot bench startup): say which part took it
        LOG.debug("gallery load: hashes {} ms ({}), vectors {} ms ({})", (hashesDone - t0) / 1_000_000,
                savedHashes.isPresent() ? "hash file" : "store", (System.nanoTime() - hashesDone) / 1_000_000,
                allFromFiles ? "vector files" : "store");
        publish(store.generation());
        if (rows.values().stream().anyMatch(r -> wantsGraph(r) && graphStale(r))) {
            // searches run exactly meanwhile; a reindex started now waits for the lock
            buildingAtStartup = true;
            Thread builder = new Thread(() -> {
                writeLock.lock();
                try {
                    refreshGraphs(ReindexListener.NONE, CancellationToken.none());
                } catch (RuntimeException e) {
                    LOG.warn("graph build at start-up failed; searching exactly", e);
                } finally {
                    buildingAtStartup = false;
                    writeLock.unlock();
                }
            }, "gallery-graph-build");
            builder.setDaemon(true);
            builder.start();
        }
        // the live hash rows, not store.entryCount(): MapDB's hash map has no counter and counts by walking
        // every entry, which was most of what was left of opening a 100k gallery from its files
        LOG.info("gallery opened: {} images, {} in {} ms", hashes.rowOf.size(), describeIndexes(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The hash rows' instance of {@code sha}, when they hold it: a sha read again need not be kept twice. */
    private String sharedSha(String sha) {
        int row = hashes.rowOf.row(sha);
        return row < 0 ? sha : hashes.shas.get(row);
    }

    /**
     * Every entry's perceptual hashes from the store: one MapDB read and entry decode per image. Entries indexed
     * before schema 3 have no repost signature yet: their whole-image hashes stand in for the trimmed ones.
     */
    private HashRows readHashes() {
        HashRows read = new HashRows();
        store.forEachEntry((sha, e) -> {
            Optional<RepostSignature> s = store.signature(sha);
            read.put(sha, e.pHash(), e.dHash(), s.map(RepostSignature::trimmedPHash).orElse(e.pHash()),
                    s.map(RepostSignature::trimmedDHash).orElse(e.dHash()), s.map(RepostSignature::windows).orElse(new long[0]),
                    s.map(RepostSignature::colour).orElse(new byte[0]));
        });
        return read;
    }

    /**
     * Every embedding of the model from the store, quantised as it is read, in the persisted graph's row order where
     * there is one (then the rows the graph lacks, in the store's order). Holding the floats of every embedding until
     * the order was known took more than 2.5 GB of heap at 1M (-Xmx2560m ran out; ./acgbot bench startup --heap-only);
     * the int8 rows take 0.52 GB, twice that while they are put in the graph's order.
     */
    private ModelRows readStore(ModelInfo info) {
        ModelRows read = new ModelRows(info.id(), info.manifestHash(), info.dimension());
        store.forEachEmbedding(info.id(), info.manifestHash(), read::put);
        // the rows are read as int8; a gallery large enough for 4-bit rows gets them here (or from load(), below)
        ModelRows r = new ModelRows(info.id(), info.manifestHash(), info.dimension(),
                options.vectorPrecision().format(read.live(), info.dimension()));
        if (!graphFiles.load(r, read, options.graphParams())) {
            return read;
        }
        var shas = read.shas.view();
        for (int row = 0; row < shas.size(); row++) {
            String sha = shas.get(row);
            if (!r.rowOf.contains(sha)) {
                r.copy(read, row, sha);
            }
        }
        return r;
    }

    /**
     * Writes the vector files when the store has moved on since they were last written, and with {@code remap} maps
     * the new fp16 files for the searches to come (false when closing). Under the write lock.
     *
     * @return the mappings replaced: to close once a snapshot without them is published
     */
    private List<MappedHalfRows> saveVectorFiles(boolean remap) {
        List<MappedHalfRows> replaced = new ArrayList<>();
        long generation = store.generation();
        if (generation != vectorFilesAt) {
            rows.values().forEach(r -> vectorFiles.save(r, generation));
            hashFiles.save(hashes.snapshot(), generation);
            vectorFilesAt = generation;
        }
        if (rerankFromFiles() && generation != halfFilesAt) {
            boolean all = true;
            for (ModelRows r : rows.values()) {
                boolean saved = halfFiles.save(r, generation, halfSource(r));
                all &= saved;
                if (saved && remap) {
                    Optional.ofNullable(r.half).ifPresent(replaced::add);
                    r.half = halfFiles.open(r, generation).orElse(null);
                }
            }
            halfFilesAt = all ? generation : -1;
        }
        return replaced;
    }

    /**
     * Where a new fp16 file's values come from. After a reindex that added images, most rows are in the mapped file
     * still: copied from there, and only the rows appended since read from the store one by one. After a graph build
     * (rows renumbered, nothing mapped) or when most rows are new, one pass over the store's embeddings.
     */
    private HalfVectorFiles.Embeddings halfSource(ModelRows r) {
        MappedHalfRows mapped = r.half;
        if (mapped == null || mapped.rows() < r.live() / 2) {
            return action -> store.forEachEmbedding(r.modelId, r.manifestHash, action);
        }
        java.util.function.Function<String, float[]> stored = storedVectors(r);
        return action -> r.rowOf.forEach((sha, row) -> {
            float[] v = mapped.vector(row);
            v = v != null ? v : stored.apply(sha);
            if (v != null) {
                action.accept(sha, v);
            }
        });
    }

    /** An fp16 store's vectors re-rank from mapped files unless the options say otherwise (an int8 store has none to map). */
    private boolean rerankFromFiles() {
        return options.rerankFromFile() && options.encoding() == dev.acgbot.gallery.EmbeddingEncoding.FP16;
    }

    // ---- writer side, used by GalleryIndexer under the write lock ----

    /** The least shorter side {@link #reducedSide} reduces pictures to. */
    static final int MIN_REDUCED_SIDE = 256;

    /**
     * Shorter side every image is reduced to before hashing and inference: the largest input side of the
     * configured models, and at least 256 so duplicate hashes do not depend on which models are configured.
     * The indexer and {@link #findDuplicates} reduce alike, so a query hashes as its indexed copy did.
     */
    private int reducedSide() {
        int side = MIN_REDUCED_SIDE;
        List<String> ids = new ArrayList<>(options.clipModels());
        options.taggerModel().ifPresent(ids::add);
        for (String id : ids) {
            side = Math.max(side, inference.model(id).map(ModelInfo::inputSide).orElse(0));
        }
        return side;
    }

    /** Makes the in-memory state visible to searches as {@code generation}. */
    private void publish(long generation) {
        Map<String, ModelRows.Snapshot> models = new LinkedHashMap<>();
        for (ModelRows r : rows.values()) {
            models.put(r.modelId, r.snapshot(searchPool, options.searchThreads(), storedVectors(r), options.effectiveRerankDepth(r.matrix.format())));
        }
        current = new Snapshot(generation, Map.copyOf(models), hashes.snapshot());
    }

    /** Full-precision vectors for re-ranking: the store's, when they were made by the model as loaded. */
    private java.util.function.Function<String, float[]> storedVectors(ModelRows r) {
        return sha -> store.embedding(r.modelId, sha)
                .filter(s -> s.manifestHash().equals(r.manifestHash))
                .map(EmbeddingCodec.Stored::vector)
                .orElse(null);
    }

    private void apply(MemoryChange change) {
        switch (change) {
            case MemoryChange.Vector v -> rows.get(v.modelId()).put(v.sha(), v.vector());
            case MemoryChange.Hashes h -> {
                hashes.remove(h.sha());
                hashes.put(h.sha(), h.pHash(), h.dHash(), h.trimmedPHash(), h.trimmedDHash(), h.windows(), h.colour());
            }
            case MemoryChange.Gone g -> {
                rows.values().forEach(r -> r.remove(g.sha()));
                hashes.remove(g.sha());
            }
        }
    }

    /** The gallery as the indexer sees it; handed out only under the write lock. */
    private final class Target implements IndexTarget {
        private final Wanted wanted;
        private final int analysisSide;

        Target() {
            Map<String, String> hashes = new LinkedHashMap<>();
            rows.forEach((id, r) -> hashes.put(id, r.manifestHash));
            this.wanted = new Wanted(hashes, options.taggerModel(),
                    options.classifier().map(dev.acgbot.gallery.rating.RatingClassifier::modelId));
            this.analysisSide = reducedSide();
        }

        @Override
        public GalleryOptions options() {
            return options;
        }

        @Override
        public Inference inference() {
            return inference;
        }

        @Override
        public GalleryStore store() {
            return store;
        }

        @Override
        public Wanted wanted() {
            return wanted;
        }

        @Override
        public int analysisSide() {
            return analysisSide;
        }

        @Override
        public void publish(long generation, List<MemoryChange> changes) {
            changes.forEach(DefaultGallery.this::apply);
            DefaultGallery.this.publish(generation);
        }

        @Override
        public void refreshGraphs(ReindexListener listener, CancellationToken token) {
            DefaultGallery.this.refreshGraphs(listener, token);
        }
    }

    /**
     * Builds (and persists) the graph of every model whose mode asks for one and whose graph is missing or
     * covers less than 90 % of its live rows. Runs under the write lock; searches keep using the old
     * snapshot meanwhile.
     */
    private void refreshGraphs(ReindexListener listener, CancellationToken token) {
        List<MappedHalfRows> retired = new ArrayList<>(); // mappings of rows a graph build renumbered
        for (ModelRows r : List.copyOf(rows.values())) {
            if (!wantsGraph(r)) {
                if (r.graph != null) {
                    r.graph = null;
                    graphFiles.delete(r.modelId);
                }
                continue;
            }
            if (!graphStale(r) || token.isCancelled()) {
                continue;
            }
            listener.onProgress(new ReindexProgress(0, r.live(), 0, Duration.ZERO, ReindexProgress.Phase.BUILDING_INDEX));
            long t0 = System.nanoTime();
            ModelRows compacted = compact(r);
            compacted.graph = dev.acgbot.gallery.search.VectorIndexes.buildGraph(compacted.matrix.view(),
                    options.graphParams(), options.searchThreads());
            graphFiles.save(compacted);
            rows.put(r.modelId, compacted);
            vectorFilesAt = -1; // renumbered rows without a store commit: the files must follow the new graph
            halfFilesAt = -1;
            retired.add(r.half);
            LOG.info("built graph for {} over {} images in {} s", r.modelId, compacted.live(),
                    (System.nanoTime() - t0) / 1_000_000_000);
            listener.onProgress(new ReindexProgress(r.live(), r.live(), 0, Duration.ZERO, ReindexProgress.Phase.BUILDING_INDEX));
        }
        // the files first: the new graph is published with its fp16 file mapped (searches use the old snapshot meanwhile)
        retired.addAll(saveVectorFiles(true));
        publish(store.generation());
        // searches still holding an older snapshot read the store from now on
        retired.stream().filter(java.util.Objects::nonNull).forEach(MappedHalfRows::close);
    }

    private boolean wantsGraph(ModelRows r) {
        return options.indexMode() == IndexMode.APPROXIMATE
                || options.indexMode() == IndexMode.AUTO && r.live() >= options.approximateThreshold();
    }

    /** Missing, or more than a tenth of the rows are outside it (new) or dead in it. */
    private static boolean graphStale(ModelRows r) {
        return r.live() > 0 && (r.graph == null || r.staleRows() > r.live() / 10);
    }

    /** The format a model's rows are held in at its present size: 4-bit in large galleries (VectorPrecision). */
    private dev.acgbot.gallery.search.RowFormat rowFormat(ModelRows r) {
        return options.vectorPrecision().format(r.live(), r.matrix.dimension());
    }

    /** A copy of the live rows only, so the new graph has no dead nodes; in the format the gallery's size asks for. */
    private ModelRows compact(ModelRows r) {
        ModelRows out = new ModelRows(r.modelId, r.manifestHash, r.matrix.dimension(), rowFormat(r));
        var view = r.matrix.view();
        var shas = r.shas.view();
        for (int row = 0; row < view.size(); row++) {
            String sha = shas.get(row);
            if (r.rowOf.row(sha) == row) {
                out.copy(r, row, sha);
            }
        }
        return out;
    }

    // ---- public API ----

    @Override
    public ReindexSummary reindex(ReindexRequest request, ReindexListener listener, CancellationToken token) {
        if (!writeLock.tryLock()) {
            if (!buildingAtStartup) {
                throw new IllegalStateException("a reindex is already running");
            }
            // the graph build of start-up holds the lock (searches run exactly meanwhile): wait for it, as an admin's
            // /reindex just after a restart is no second reindex
            writeLock.lock();
        }
        try {
            return new GalleryIndexer(new Target()).run(request, listener, token);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public long backup(java.nio.file.Path target, Duration wait) throws java.io.IOException {
        try {
            if (!writeLock.tryLock(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("a reindex is running; back up when it has finished (or after /reindex cancel)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gallery's write lock");
        }
        try {
            // under the write lock every change is committed and none starts: the files are one consistent state
            return dev.acgbot.gallery.GalleryArchive.write(options.dataDir(), target);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<SearchHit> searchByVector(String clipModelId, float[] query, int k, SearchFilter filter) {
        Snapshot snap = current;
        ModelRows.Snapshot model = snap.models().get(clipModelId);
        if (model == null) {
            throw new IllegalArgumentException("'" + clipModelId + "' is not a CLIP model of this gallery (configured: "
                    + options.clipModels() + ")");
        }
        if (query.length != model.view().dimension()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, " + clipModelId + " has "
                    + model.view().dimension());
        }
        Set<String> allowed = filter.narrows() ? allowed(snap, filter) : null;
        IntPredicate accept = row -> {
            String sha = model.sha(row);
            return !filter.exclude().contains(sha) && (allowed == null || allowed.contains(sha));
        };
        List<SearchHit> hits = new ArrayList<>();
        for (Neighbor n : model.search(query, k, accept, allowed != null)) {
            // an image removed by an uncommitted batch may be gone from the store already: skip it
            store.entry(model.sha(n.ordinal())).ifPresent(e -> hits.add(new SearchHit(e, n.score())));
        }
        return hits;
    }

    /** Images passing a folder or tag filter; computed from the store once per generation and filter. */
    private Set<String> allowed(Snapshot snap, SearchFilter filter) {
        FilterCache cache = filterCache;
        if (cache != null && cache.generation() == snap.generation() && cache.filter().equals(filter)) {
            return cache.allowed();
        }
        Set<String> allowed = new HashSet<>();
        store.forEachEntry((sha, e) -> {
            if (filter.accepts(e)) {
                allowed.add(sha);
            }
        });
        filterCache = new FilterCache(snap.generation(), filter, allowed);
        return allowed;
    }

    @Override
    public List<SearchHit> searchByImage(String clipModelId, DecodedImage image, int k, SearchFilter filter) {
        float[] query = inference.embedImages(clipModelId, List.of(image)).get(0);
        return searchByVector(clipModelId, query, k, filter);
    }

    @Override
    public List<SearchHit> searchByText(String textModelId, String text, int k, SearchFilter filter) {
        ModelInfo textModel = inference.model(textModelId)
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + textModelId + "'"));
        String imageModel = options.clipModels().stream()
                .filter(id -> inference.model(id).map(i -> i.embeddingSpace().equals(textModel.embeddingSpace())).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no configured CLIP image model shares the embedding space '"
                        + textModel.embeddingSpace() + "' of " + textModelId));
        return searchByVector(imageModel, inference.embedText(textModelId, text).vector(), k, filter);
    }

    /**
     * Two stages (docs/benchmarks.md, "Duplicates"). Candidates: every image within {@link #CANDIDATE_RADIUS} bits
     * (or {@code maxHamming}, if wider) of the copy or its mirror image on any of the four hashes, whole or with
     * margins trimmed, the {@link #MAX_CANDIDATES} closest kept. Verdict: {@link RepostVerifier} on each candidate's
     * stored thumbnail; an entry indexed before schema 2 (no thumbnail until the next reindex) is decided by the
     * schema-1 rule on its whole-image hashes at {@code maxHamming}.
     */
    @Override
    public List<DuplicateHit> findDuplicates(DecodedImage image, int maxHamming) {
        // shared with the helpers only while no other lookup runs: with others in flight the cores are busy already, and
        // a piece waited for on a helper the machine has put aside only adds to this one's time
        boolean alone = lookupsInFlight.incrementAndGet() == 1;
        try {
            return findDuplicates(image, maxHamming, alone ? lookupWork : SharedWork.CALLER);
        } finally {
            lookupsInFlight.decrementAndGet();
        }
    }

    private List<DuplicateHit> findDuplicates(DecodedImage image, int maxHamming, SharedWork work) {
        HashRows.Snapshot hashes = current.hashes();
        // hashed from the same reduced copy the indexer hashes; mirrored reposts are common and every hash is
        // orientation-bound, so the (small) mirror image is looked up too
        int side = reducedSide();
        DecodedImage small = BandedReduce.reduce(image, side, work);
        boolean[] captions = HashRows.Probe.captionBands(small);
        Map<String, HashRows.Near> near = new LinkedHashMap<>();
        Map<String, HashRows.Near> crowded = new LinkedHashMap<>(); // crop-window rows beyond the closest: CrowdedCrops
        boolean noisyPHash = false;
        HashRows.Probe posted = null; // the copy's own probe, not its mirror image's: ColourLayouts
        RepostVerifier.Query query = null;
        // the copy and its mirror image hashed and scanned at once, merged in that order; the verifier's view of the copy
        // made meanwhile, by whichever thread is free first (the copy's scan, with its crop and turned windows, takes the
        // longest: JFR at 100k, docs/benchmarks.md "Lookups that find nothing, in parallel, round 28")
        int radius = Math.max(maxHamming, CANDIDATE_RADIUS);
        for (Prepared piece : work.map(List.of(Preparing.COPY, Preparing.MIRROR, Preparing.VERIFIER_VIEW), p -> switch (p) {
            case COPY -> sighting(hashes, small, captions, false, radius);
            case MIRROR -> sighting(hashes, small, captions, true, radius);
            case VERIFIER_VIEW -> new VerifierView(straightenedOnce(new RepostVerifier.Query(small, side)));
        })) {
            switch (piece) {
                case Sighting seen -> {
                    noisyPHash |= seen.noisyPHash();
                    seen.near().forEach((sha, n) -> near.merge(sha, n, HashRows.Near::merge));
                    crowded.putAll(seen.crowded());
                    posted = posted == null ? seen.probe() : posted;
                }
                case VerifierView view -> query = view.query();
            }
        }
        // a strip turned on its canvas, laid straight: its hashes are its source's again (TurnedStrips.straightened)
        query.straightened().ifPresent(s -> straightNear(hashes, s.image(), radius)
                .forEach((sha, n) -> near.merge(sha, n, HashRows.Near::merge)));
        crowded.keySet().removeAll(near.keySet());
        // read once: the crop candidates' order needs their thumbnails, and the verifier needs them again
        Map<String, Optional<RepostSignature>> read = new HashMap<>();
        Function<String, Optional<RepostSignature>> signatures = sha -> read.computeIfAbsent(sha, store::signature);
        List<Map.Entry<String, HashRows.Near>> byCrop = CropShortlist.order(query, near, signatures, work);
        List<Map.Entry<String, HashRows.Near>> candidates = candidates(near, byCrop, noisyPHash);
        List<DuplicateHit> hits = new ArrayList<>();
        List<CandidateChecks.Candidate> signed = new ArrayList<>();
        for (Map.Entry<String, HashRows.Near> c : candidates) {
            HashRows.Near n = c.getValue();
            Optional<RepostSignature> signature = signatures.apply(c.getKey());
            if (signature.isPresent()) {
                signed.add(new CandidateChecks.Candidate(c.getKey(), n, signature.get()));
            } else if (DuplicateRule.isDuplicate(n.pHashDistance(), n.dHashDistance(), maxHamming)) {
                store.entry(c.getKey()).ifPresent(e -> hits.add(new DuplicateHit(e, n.exact(), n.pHashDistance(), n.dHashDistance())));
            }
        }
        // the entry (tags, paths) is read only for hits: most candidates fail the verifier
        // a grey band crossing the copy is a crop of any bar as thick: no crop is named for it (OneBandCopies)
        Map<String, RepostVerifier.Verdict> verdicts = OneBandCopies.withoutCrops(query,
                CandidateChecks.verify(query, small, signed, work));
        if (verdicts.isEmpty()) {
            Map<String, HashRows.Near> byColour = ColourLayouts.candidates(hashes, posted, query,
                    sha -> near.containsKey(sha) || crowded.containsKey(sha));
            verdicts = OneBandCopies.withoutCrops(query, CrowdedCrops.verify(query, small,
                    new CrowdedCrops.Left(near, byCrop, candidates, crowded, byColour), signatures, work));
            byColour.forEach(near::putIfAbsent);
        }
        Optional<String> same = postedEntry(near, verdicts);
        verdicts = StoredCrops.namedAsCut(verdicts, same);
        verdicts.forEach((sha, verdict) -> {
            HashRows.Near n = near.getOrDefault(sha, crowded.get(sha));
            store.entry(sha).ifPresent(e -> hits.add(new DuplicateHit(e, n.exact(), n.pHashDistance(), n.dHashDistance(),
                    verdict.similarity(), verdict.edits())));
        });
        if (!noisyPHash) {
            storedCrops(hashes, small, query, same, verdicts, signatures, work, hits);
        }
        // named as a reply names them (a mirrored hit from the copy flipped back, a border or crop a brightened copy's trim
        // explains left out, a border a margin mark made named watermarked, and a turn only the edge step saw, last), then
        // ordered by those names: ordered by the verifier's first reading, a brightened card named cropped only by its trim
        // was listed behind the white deck's card, listed with no edit either way (OrderAsNamedGalleryTest)
        Map<String, RepostVerifier.Verdict> verified = verdicts;
        ToIntFunction<String> evidence = sha -> near.getOrDefault(sha, crowded.get(sha)).dHashEvidence();
        Map<String, RepostVerifier.Verdict> named = MarkedNames.named(small, LevelledNames.named(query, small,
                MirroredNames.named(small, query, verified, signatures, evidence), signatures), signatures, evidence);
        hits.replaceAll(h -> named(h, verified.get(h.entry().sha256()), named.get(h.entry().sha256())));
        hits.sort(HIT_ORDER);
        return hits;
    }

    /**
     * {@code hit} with the edits {@code renamed} names ({@link RepostVerifier.Verdict#named}), if it is the hit of
     * {@code verdict}, of which {@code renamed} is the verdict as named ({@link MirroredNames}).
     */
    private static DuplicateHit named(DuplicateHit hit, RepostVerifier.Verdict verdict, RepostVerifier.Verdict renamed) {
        if (verdict == null || !hit.verified() || verdict == renamed && verdict.edgeTurn() == 0) {
            return hit;
        }
        return new DuplicateHit(hit.entry(), hit.exact(), hit.pHashDistance(), hit.dHashDistance(), hit.similarity(), renamed.named());
    }

    /**
     * When the posted picture is itself in the gallery (a hit verified unedited, its whole hashes within
     * {@value #SAME_PICTURE_BITS} bits), the stored pictures
     * cut from it ({@link StoredCrops}) are added to {@code hits}: the entry's crop windows are the posted picture's. Not
     * for a picture whose pHash is noise ({@link HashRows.Probe#noisyPHash}), as its windows' are too: a star polygon's
     * greyscale and mirrored copies listed another star so (evaluation, stars: false duplicates 0.000 to 0.077).
     */
    private void storedCrops(HashRows.Snapshot hashes, DecodedImage small, RepostVerifier.Query query, Optional<String> same,
                             Map<String, RepostVerifier.Verdict> verdicts,
                             Function<String, Optional<RepostSignature>> signatures, SharedWork work, List<DuplicateHit> hits) {
        Optional<long[]> windows = same.flatMap(signatures).filter(RepostSignature::hasWindows).map(RepostSignature::windows);
        // the entry was read for its hit already
        Optional<GalleryEntry> posted = windows.isPresent()
                ? hits.stream().map(DuplicateHit::entry).filter(e -> e.sha256().equals(same.get())).findFirst() : Optional.empty();
        if (posted.isEmpty()) {
            return;
        }
        DecodedImage flat = PerceptualHash.onWhite(small);
        List<StoredCrops.Suspect> suspects = StoredCrops.suspects(hashes, windows.get(), TenthWindows.pHashes(flat), posted.get().pHash(),
                posted.get().dHash(), verdicts::containsKey);
        for (StoredCrops.Found f : StoredCrops.verified(query, flat, suspects, signatures, work)) {
            StoredCrops.Suspect s = f.suspect();
            store.entry(s.sha()).ifPresent(e -> hits.add(new DuplicateHit(e, false, s.pHashDistance(), s.dHashDistance(),
                    f.verdict().similarity(), f.verdict().edits())));
        }
    }

    /** Whole hashes this close, and a verdict with no edits: the posted picture is that stored one, re-encoded or resized. */
    static final int SAME_PICTURE_BITS = 4;

    /**
     * The stored entry that is the posted picture itself, if any: a hit verified with no edits, its whole hashes within
     * {@value #SAME_PICTURE_BITS} bits (the closest such).
     */
    private static Optional<String> postedEntry(Map<String, HashRows.Near> near, Map<String, RepostVerifier.Verdict> verdicts) {
        return verdicts.entrySet().stream()
                .filter(e -> e.getValue().edits().isEmpty() && near.containsKey(e.getKey()) && samePicture(near.get(e.getKey())))
                .min(Comparator.comparingInt((Map.Entry<String, RepostVerifier.Verdict> e) -> near.get(e.getKey()).closest())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    private static boolean samePicture(HashRows.Near n) {
        return n.pHashDistance() <= SAME_PICTURE_BITS && n.dHashDistance() <= SAME_PICTURE_BITS;
    }

    /**
     * What the hash stage found of the copy as posted, or of its mirror image: candidates, crowded crop-window rows; and
     * the probe it scanned with.
     */
    private record Sighting(Map<String, HashRows.Near> near, Map<String, HashRows.Near> crowded, boolean noisyPHash,
                            HashRows.Probe probe) implements Prepared {
    }

    /** The pieces a lookup starts with, independent of each other: the hash stage's two scans and the verifier's view. */
    private enum Preparing { COPY, MIRROR, VERIFIER_VIEW }

    /** What a piece of {@link Preparing} made. */
    private sealed interface Prepared permits Sighting, VerifierView {
    }

    /** The posted copy as the verifier sees it. */
    private record VerifierView(RepostVerifier.Query query) implements Prepared {
    }

    private static Sighting sighting(HashRows.Snapshot hashes, DecodedImage small, boolean[] captions, boolean mirror, int radius) {
        HashRows.Probe probe = mirror ? HashRows.Probe.withoutCropWindows(PerceptualHash.mirrored(small), captions)
                : HashRows.Probe.of(small, captions);
        Map<String, HashRows.Near> crowded = new LinkedHashMap<>();
        Map<String, HashRows.Near> near = hashes.near(probe, radius, crowded);
        return new Sighting(near, crowded, probe.noisyPHash(), probe);
    }

    /**
     * {@code q} with its strip laid straight, if it is one ({@link RepostVerifier.Query#straightened}), read while the hash
     * scans run: the pass over the copy's ink, read after them, added about a millisecond to every lookup at 100k (p50
     * copies 19.1-19.5 ms against 17.7-18.0).
     */
    private static RepostVerifier.Query straightenedOnce(RepostVerifier.Query q) {
        q.straightened();
        return q;
    }

    /**
     * The pictures within {@code radius} of the copy laid straight ({@code straight}), by its whole and trimmed hashes: never
     * exact, as the copy was turned (a distance of 0 is taken as 1).
     */
    private static Map<String, HashRows.Near> straightNear(HashRows.Snapshot hashes, DecodedImage straight, int radius) {
        HashRows.Probe probe = HashRows.Probe.withoutCropWindows(straight, HashRows.Probe.captionBands(straight));
        Map<String, HashRows.Near> near = new LinkedHashMap<>();
        hashes.near(probe, radius).forEach((sha, n) -> near.put(sha, new HashRows.Near(
                Math.max(1, n.pHashDistance()), n.dHashDistance(), Math.max(1, n.closest()), n.closestDHash())));
        return near;
    }

    /** Verified hits whose similarities fall in one step of this size are ranked by how few edits explain them. */
    static final double SIMILARITY_STEP = 0.01;

    /**
     * Exact hits first; then by similarity in steps of {@value #SIMILARITY_STEP}, and within a step the hit that needs fewer
     * edits, as the reply names them, first (a quarter note matched untouched ahead of a dotted note matched cropped, both
     * near 0.95, on a quarter-size copy); then by similarity. On the evaluation (docs/benchmarks.md, round 8 together) this
     * put the source first on one more resize 25 %, crop 10 % and crop+resize+JPEG copy each, and on no edit one fewer; on
     * two other samples, one more.
     */
    static final Comparator<DuplicateHit> HIT_ORDER = Comparator.comparing((DuplicateHit h) -> !h.exact())
            .thenComparingDouble(h -> -Math.floor(score(h) / SIMILARITY_STEP))
            .thenComparingInt(h -> h.edits().size())
            .thenComparingDouble(h -> -score(h))
            .thenComparing(h -> h.entry().sha256());

    /** The verifier's similarity, or for a hit the hashes alone decided, how close its hashes are. */
    private static double score(DuplicateHit h) {
        return h.verified() ? h.similarity() : 1 - (h.pHashDistance() + h.dHashDistance()) / 128.0;
    }

    /** Of the candidates a crop window found, this many (the closest) are verified whatever the whole hashes say. */
    static final int CROP_SLOTS = 8;
    /**
     * Of the candidates a turned-back copy found ({@link TurnedWindows}), this many (the closest) are verified too, in
     * place of as many found by the whole hashes alone (the candidates stay {@value #MAX_CANDIDATES}). With 4, plain boxes
     * and line drawings crowd these slots (seed 77: a framed, turned flowchart box's turned window lay 8 bits from its
     * source, behind four other boxes, and is missed still); with 6, seed 77 rotate 3 deg line art
     * 0.957 -> 0.978 and its false duplicates 0.022 -> 0.000, brightness false 0.087 -> 0.065, and no other not-stars or
     * line-art cell moved on three samples (round 16). With 8, that flowchart box's border+rotate+bright copy, 8th by its
     * turned window (behind an empty box, two dot grids, a signal flag, a key and two boxes), passed at 0.964: seed 77 line
     * art met on 21 of 22 edits, not a false duplicate more in any not-stars or line-art cell of five samples, and of 300
     * Adwaita icons not stored one fewer listed (round 28).
     */
    static final int TURN_SLOTS = 8;

    /**
     * Candidates verified beyond the {@link #MAX_CANDIDATES} for a copy whose pHash is noise
     * ({@link HashRows.Probe#NOISY_PHASH}): the closest by dHash alone not chosen yet, within
     * {@link HashRows.Probe#NOISY_DHASH}. Star polygons tie by the dozen on dHash and their pHash is noise, so the usual
     * order by p + d kept the source of 10 of 26 JPEG q75 star copies out of the first 24 (docs/benchmarks.md, "Star
     * polygons"); added rather than put first, because ranked first they cost the copies whose lines fade (contrast, blur)
     * their sources.
     */
    static final int NOISY_SLOTS = 16;

    /**
     * The hash stage's candidates closest by the whole and trimmed hashes first ({@link HashRows.Near#closest}), ties by
     * sha256: the order of the first round's whole-hash slots, and of the second round's ({@link CrowdedCrops}).
     */
    static final Comparator<Map.Entry<String, HashRows.Near>> BY_WHOLE_HASHES =
            Comparator.comparingInt((Map.Entry<String, HashRows.Near> c) -> c.getValue().closest()).thenComparing(Map.Entry::getKey);

    /**
     * The {@link #MAX_CANDIDATES} to verify: the first {@link #CROP_SLOTS} of {@code byCrop}, the candidates a crop window
     * found in {@link CropShortlist}'s order (a 75 % crop is far from its source on every whole hash, so it would never
     * rank among the whole-hash candidates), then the closest by the whole and trimmed hashes, then further crop-window
     * ones while room is left; and for a copy whose pHash is noise, up to {@link #NOISY_SLOTS} more by dHash.
     */
    static List<Map.Entry<String, HashRows.Near>> candidates(Map<String, HashRows.Near> near, List<Map.Entry<String, HashRows.Near>> byCrop,
                                                             boolean noisyPHash) {
        List<Map.Entry<String, HashRows.Near>> byTurn = near.entrySet().stream().filter(e -> e.getValue().byTurn())
                .sorted(Comparator.comparingInt((Map.Entry<String, HashRows.Near> c) -> c.getValue().turn().distance())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        List<Map.Entry<String, HashRows.Near>> byWhole = near.entrySet().stream().sorted(BY_WHOLE_HASHES).toList();
        Map<String, Map.Entry<String, HashRows.Near>> chosen = new LinkedHashMap<>();
        choose(chosen, MAX_CANDIDATES, List.of(byCrop.subList(0, Math.min(CROP_SLOTS, byCrop.size())),
                byTurn.subList(0, Math.min(TURN_SLOTS, byTurn.size())), byWhole, byCrop));
        if (noisyPHash) {
            choose(chosen, MAX_CANDIDATES + NOISY_SLOTS, List.of(near.entrySet().stream()
                    .filter(c -> c.getValue().closestDHash() <= HashRows.Probe.NOISY_DHASH)
                    .sorted(Comparator.comparingInt((Map.Entry<String, HashRows.Near> c) -> c.getValue().closestDHash())
                            .thenComparingInt(c -> c.getValue().closest()).thenComparing(Map.Entry::getKey))
                    .toList()));
        }
        return List.copyOf(chosen.values());
    }

    /** Adds the entries of {@code lists}, in order, to {@code chosen} until it holds {@code most}. */
    private static void choose(Map<String, Map.Entry<String, HashRows.Near>> chosen, int most, List<List<Map.Entry<String, HashRows.Near>>> lists) {
        for (List<Map.Entry<String, HashRows.Near>> list : lists) {
            for (Map.Entry<String, HashRows.Near> e : list) {
                if (chosen.size() == most) {
                    return;
                }
                chosen.putIfAbsent(e.getKey(), e);
            }
        }
    }

    @Override
    public Optional<GalleryEntry> entry(String sha256) {
        return store.entry(sha256);
    }

    private volatile RatingCounts ratingCounts;

    @Override
    public GalleryStats stats() {
        Snapshot snap = current;
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        snap.models().forEach((id, m) -> {
            counts.put(id, m.live());
            kinds.put(id, m.kind());
        });
        return new GalleryStats(store.entryCount(), store.fileCount(), counts, kinds, snap.generation(), store.fileBytes(),
                ratingCounts(snap.generation()));
    }

    /** Counted once per generation: a pass over every entry (decoding 100k entries takes a while; a commit is rarer). */
    private Map<ContentRating, Integer> ratingCounts(long generation) {
        RatingCounts counted = ratingCounts;
        if (counted == null || counted.generation() != generation) {
            Map<ContentRating, Integer> counts = new EnumMap<>(ContentRating.class);
            store.forEachEntry((sha, e) -> counts.merge(e.rating(), 1, Integer::sum));
            counted = new RatingCounts(generation, counts);
            ratingCounts = counted;
        }
        return counted.counts();
    }

    private record RatingCounts(long generation, Map<ContentRating, Integer> counts) {
    }

    @Override
    public long generation() {
        return current.generation();
    }

    private String describeIndexes() {
        StringBuilder s = new StringBuilder();
        current.models().forEach((id, m) -> s.append(s.isEmpty() ? "" : ", ").append(id).append(": ")
                .append(m.live()).append(" vectors (").append(m.kind()).append(')'));
        return s.isEmpty() ? "no CLIP models" : s.toString();
    }

    @Override
    public void close() {
        searchPool.shutdownNow();
        // a reindex still running keeps the lock: its rows are mid-change, so the next start reads the store
        if (!rows.isEmpty() && writeLock.tryLock()) {
            try {
                saveVectorFiles(false);
            } finally {
                writeLock.unlock();
            }
        }
        // a search still holding a snapshot re-ranks from the store from now on; the pages go with the mappings' collection
        rows.values().stream().map(r -> r.half).filter(java.util.Objects::nonNull).forEach(MappedHalfRows::close);
        store.close();
    }
}
