package dev.acgbot.models.runtime;

import dev.acgbot.models.api.EngineActivity;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelBusyException;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.manifest.CheckRecords;
import dev.acgbot.models.api.CheckVerdict;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.manifest.ManifestRegistry;
import dev.acgbot.models.manifest.ModelManifest;
import dev.acgbot.models.manifest.ModelPaths;
import dev.acgbot.models.preprocess.PreprocessSpec;
import dev.acgbot.models.preprocess.Preprocessor;
import dev.acgbot.models.runtime.internal.EngineClock;
import dev.acgbot.models.runtime.internal.ModelSlot;
import dev.acgbot.models.runtime.internal.OpenSessions;
import dev.acgbot.models.runtime.internal.SharedGraph;
import dev.acgbot.models.runtime.internal.RuntimeSettings;
import dev.acgbot.models.runtime.internal.TagLabels;
import dev.acgbot.models.text.TokenizedText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Inference} implementation: ONNX models run in ONNX Runtime sessions (its Java API), configured by
 * manifests, loaded lazily on first use (or eagerly), warmed up at load, with per-model micro-batching.
 *
 * <pre>{@code
 * InferenceRuntime inf = InferenceRuntime.builder()
 *         .manifestDirs(List.of(configDir.resolve("models")))
 *         .modelDir(dataDir.resolve("models"))
 *         .device("auto")                      // auto | cpu | gpu | gpu:N
 *         .maxBatch(32).maxWait(Duration.ofMillis(5))
 *         .eagerLoad(List.of("wd-vit-tagger-v3"))
 *         .build();
 * }</pre>
 *
 * <p>Threading and back-pressure: calls may come from any number of threads. Images are decoded by the
 * caller and preprocessed on the calling thread, one at a time just before each joins the queue (so the
 * worker is already running the first batch while later images of a list are being resized); texts are
 * tokenized there too. Each item then joins its model's
 * bounded queue ({@link Builder#queueCapacity}); one worker per model gathers up to {@code maxBatch} items
 * (or 1 for graphs with a fixed batch of 1), waiting at most {@code maxWait} after the first, runs them as one
 * batch and answers every caller with its own rows. A caller blocks while the queue is full and gets
 * {@link ModelBusyException} after {@link Builder#submitTimeout}. A list of images (the gallery indexer sends
 * up to ~32 at a time from several threads) is queued item by item, so lists from several threads share
 * batches and the queue limit bounds memory. A caller interrupted while it waits (a command past its deadline,
 * a cancelled reindex) gives up its items; a running batch whose callers have all given up is terminated.
 */
public final class InferenceRuntime implements Inference {
    private final Map<String, ModelSlot> slots;
    /** Each model that reads a graph together with others, by id ({@link SharedGraph}). */
    private final Map<String, SharedGraph> shared;
    private final EngineClock engineClock;
    private final OpenSessions sessions;
    private final ModelPaths paths;
    private final Optional<MemoryPlan> memoryPlan;
    private final Optional<ScheduledExecutorService> unloader;

    private InferenceRuntime(Map<String, ModelSlot> slots, Map<String, SharedGraph> shared, EngineClock engineClock,
                             OpenSessions sessions, ModelPaths paths, Optional<MemoryPlan> memoryPlan, Duration unloadIdle,
                             List<String> eager) {
        this.slots = slots;
        this.shared = shared;
        this.sessions = sessions;
        this.engineClock = engineClock;
        this.paths = paths;
        this.memoryPlan = memoryPlan;
        this.unloader = unloadIdle.isZero() ? Optional.empty() : Optional.of(startUnloader(unloadIdle, eager));
    }

    /** Checks every 30 s (or a tenth of {@code idle}) for models unused that long; eager models stay loaded. */
    private ScheduledExecutorService startUnloader(Duration idle, List<String> eager) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "acgbot-model-unloader");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, Math.min(30_000, idle.toMillis() / 10));
        ex.scheduleWithFixedDelay(() -> unloadIdle(idle, eager), every, every, TimeUnit.MILLISECONDS);
        return ex;
    }

    private void unloadIdle(Duration idle, List<String> eager) {
        long now = System.nanoTime();
        List<ModelSlot> kept = eager.stream().filter(slots::containsKey).map(this::session).toList();
        for (ModelSlot slot : slots.values()) {
            if (!kept.contains(slot)) {
                try {
                    slot.unloadIfIdle(idle, now);
                } catch (RuntimeException e) {
                    // closed meanwhile: nothing to free
                }
            }
        }
    }

    /** The batch sizes and heap the memory budget gave, when one was set. */
    public Optional<MemoryPlan> memoryPlan() {
        return memoryPlan;
    }

    /** ONNX Runtime sessions open now: models that load one graph file (both int8 Chinese-CLIP towers) hold one. */
    public int openSessions() {
        return sessions.count();
    }

    /** Whether a model's session is open now (models load on first use and unload when idle). */
    public boolean loaded(String id) {
        return session(id).loaded();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<ModelInfo> models() {
        return slots.values().stream().map(this::info).toList();
    }

    @Override
    public Optional<ModelInfo> model(String id) {
        return Optional.ofNullable(slots.get(id)).map(this::info);
    }

    /** A model whose graph another slot runs runs where that slot's session is. */
    private ModelInfo info(ModelSlot slot) {
        ModelInfo own = slot.info();
        ModelSlot session = session(own.id());
        if (session == slot) {
            return own;
        }
        return new ModelInfo(own.id(), own.task(), own.embeddingSpace(), own.dimension(), own.manifestHash(),
                own.available(), session.info().device(), own.inputSide());
    }

    /** The slot whose session runs a model: its own, or the holder of the graph it shares. */
    private ModelSlot session(String id) {
        SharedGraph graph = shared.get(id);
        return graph == null ? slot(id) : graph.holder();
    }

    /** The manifest a model id was configured with. */
    public Optional<ModelManifest> manifest(String id) {
        return Optional.ofNullable(slots.get(id)).map(ModelSlot::manifest);
    }

    /**
     * The last {@code acgbot models check} verdict of a model when it failed for the pipeline its manifest
     * describes now: indexing ({@code acgbot index}, {@code /reindex}) refuses such a model unless told to
     * ignore it. Empty when the model passed, was never checked, or its manifest changed since.
     */
    @Override
    public Optional<CheckVerdict> failedCheck(String id) {
        return manifest(id).flatMap(m -> CheckRecords.blockingFailure(paths, m));
    }

    /** Where model files and check verdicts live. */
    public ModelPaths paths() {
        return paths;
    }

    /** Batching counters of a model since it was loaded (zeros before). */
    public RuntimeStats stats(String id) {
        return session(id).stats();
    }

    /** Running totals of preprocessing and batch runs per model, and of the time any model was running. */
    @Override
    public Optional<EngineActivity> activity() {
        return Optional.of(new EngineActivity(engineClock.runningNanos(),
                slots.values().stream().map(ModelSlot::activity).toList()));
    }

    /** Loads a model now instead of on first use. */
    public void load(String id) {
        session(id).ensureLoaded();
    }

    @Override
    public List<TagResult> tag(String modelId, List<DecodedImage> images) {
        ModelSlot slot = slot(modelId, ModelTask.TAGGER);
        List<float[]> rows = runImages(slot, images);
        TagLabels labels = slot.labels();
        List<TagResult> results = new ArrayList<>(rows.size());
        for (float[] row : rows) {
            List<TagScore> scores = new ArrayList<>(row.length);
            for (int i = 0; i < row.length; i++) {
                scores.add(new TagScore(labels.names().get(i), labels.categories().get(i), row[i]));
            }
            results.add(new TagResult(modelId, scores));
        }
        return results;
    }

    @Override
    public List<float[]> embedImages(String modelId, List<DecodedImage> images) {
        ModelSlot slot = slot(modelId);
        if (!slot.manifest().task().embedsImages()) {
            throw new IllegalArgumentException("model '" + modelId + "' is a " + slot.manifest().task().manifestName()
                    + " model, not a clip-image or image-embedding model");
        }
        return runImages(slot, images);
    }

    @Override
    public TextEmbedding embedText(String modelId, String text) {
        ModelSlot slot = slot(modelId, ModelTask.CLIP_TEXT);
        TokenizedText tokens = slot.tokenizer().encode(text);
        return new TextEmbedding(slot.runTexts(List.of(tokens)).get(0), tokens.truncated());
    }

    /**
     * Each image is preprocessed on the calling thread just before it joins the model's queue; a model sharing its
     * graph takes rows its graph already gave for these very images.
     */
    private List<float[]> runImages(ModelSlot slot, List<DecodedImage> images) {
        PreprocessSpec spec = slot.manifest().preprocessSpec();
        Function<DecodedImage, float[]> preprocess = image -> Preprocessor.preprocess(image, spec);
        SharedGraph graph = shared.get(slot.manifest().id());
        return graph == null ? slot.runImages(images, preprocess) : graph.rows(slot.manifest().id(), images, preprocess);
    }

    private ModelSlot slot(String id) {
        ModelSlot slot = slots.get(id);
        if (slot == null) {
            throw new IllegalArgumentException("unknown model '" + id + "'; configured: " + String.join(", ", slots.keySet()));
        }
        return slot;
    }

    private ModelSlot slot(String id, ModelTask task) {
        ModelSlot slot = slot(id);
        if (slot.manifest().task() != task) {
            throw new IllegalArgumentException("model '" + id + "' is a " + slot.manifest().task().manifestName()
                    + " model, not a " + task.manifestName() + " model");
        }
        return slot;
    }

    @Override
    public void close() {
        unloader.ifPresent(ScheduledExecutorService::shutdownNow);
        slots.values().forEach(ModelSlot::close);
    }

    /** Configuration of an {@link InferenceRuntime}; every setting has a default fit for a small server. */
    public static final class Builder {
        private final List<Path> manifestDirs = new ArrayList<>();
        private final List<ModelManifest> extraManifests = new ArrayList<>();
        private final List<String> eager = new ArrayList<>();
        private boolean builtIns = true;
        private Path modelDir = Path.of("data", "models");
        private DeviceRequest device = DeviceRequest.parse("auto");
        private int maxBatch = 32;
        private Duration maxWait = Duration.ofMillis(5);
        private int queueCapacity = 256;
        private Duration submitTimeout = Duration.ofSeconds(30);
        private int intraOpThreads = Runtime.getRuntime().availableProcessors();
        private int interOpThreads = 1;
        private boolean warmUp = true;
        private ArenaMode arena = ArenaMode.SHRUNK;
        private Duration unloadIdle = Duration.ZERO;
        private MemoryBudget budget;
        private long heap;
        private final List<String> budgeted = new ArrayList<>();

        private Builder() {
        }

        /** Directories of user manifests ({@code *.yaml}); they override built-ins with the same id. */
        public Builder manifestDirs(Collection<Path> dirs) {
            manifestDirs.addAll(dirs);
            return this;
        }

        public Builder manifestDirs(Path... dirs) {
            return manifestDirs(List.of(dirs));
        }

        /** Manifests given directly (e.g. from a local path in config); they override everything else. */
        public Builder manifests(Collection<ModelManifest> manifests) {
            extraManifests.addAll(manifests);
            return this;
        }

        /** Whether the built-in manifests (WD v3, JoyTag, Chinese-CLIP, OpenAI CLIP) are offered; default true. */
        public Builder builtIns(boolean include) {
            builtIns = include;
            return this;
        }

        /** Where fetched model files live: {@code <dir>/<model id>/<file>}. */
        public Builder modelDir(Path dir) {
            modelDir = dir;
            return this;
        }

        /** {@code auto} (default), {@code cpu}, {@code gpu} or {@code gpu:N}. */
        public Builder device(String spec) {
            device = DeviceRequest.parse(spec);
            return this;
        }

        /** Most items per engine call for graphs with a dynamic batch axis (default 32). */
        public Builder maxBatch(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxBatch must be at least 1");
            }
            maxBatch = n;
            return this;
        }

        /** Longest wait for more items after the first of a batch arrives (default 5 ms). */
        public Builder maxWait(Duration wait) {
            maxWait = wait;
            return this;
        }

        /** Items that may wait per model before submitters block (default 256). */
        public Builder queueCapacity(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1");
            }
            queueCapacity = n;
            return this;
        }

        /** How long a submitter blocks on a full queue before {@link ModelBusyException} (default 30 s). */
        public Builder submitTimeout(Duration timeout) {
            submitTimeout = timeout;
            return this;
        }

        /** ONNX Runtime threads inside one operator (default: every core). */
        public Builder intraOpThreads(int n) {
            intraOpThreads = Math.max(1, n);
            return this;
        }

        /** ONNX Runtime threads across independent operators (default 1: graphs here are sequential). */
        public Builder interOpThreads(int n) {
            interOpThreads = Math.max(1, n);
            return this;
        }

        /** Models to load in {@link #build()} rather than on first use. */
        public Builder eagerLoad(Collection<String> ids) {
            eager.addAll(ids);
            return this;
        }

        public Builder eagerLoad(String... ids) {
            return eagerLoad(List.of(ids));
        }

        /** Run one dummy batch at load so the first user does not pay for graph optimisation (default true). */
        public Builder warmUp(boolean on) {
            warmUp = on;
            return this;
        }

        /** How ONNX Runtime allocates on the CPU (default {@link ArenaMode#SHRUNK}; docs/benchmarks.md, memory). */
        public Builder arena(ArenaMode mode) {
            arena = java.util.Objects.requireNonNull(mode);
            return this;
        }

        /** Close a model unused this long, loading it again on next use (default zero: never; eager models never). */
        public Builder unloadIdle(Duration idle) {
            if (idle.isNegative()) {
                throw new IllegalArgumentException("unloadIdle must not be negative");
            }
            unloadIdle = idle;
            return this;
        }

        /**
         * Sizes each of {@code modelIds}' batch from {@code budget} ({@link MemoryPlan}); {@link #build()} throws
         * {@link MemoryPlan.TooSmall} when the budget cannot hold them. Models not named keep {@link #maxBatch}.
         */
        public Builder memoryBudget(MemoryBudget budget, Collection<String> modelIds) {
            this.budget = budget;
            budgeted.clear();
            modelIds.stream().distinct().forEach(budgeted::add);
            return this;
        }

        /**
         * The heap the JVM was given, when larger than the budget's quarter ({@link MemoryBudget#givenHeap()}): the
         * batches leave room for it ({@link MemoryPlan#of(MemoryBudget, long, List, int)}).
         */
        public Builder givenHeap(long bytes) {
            this.heap = bytes;
            return this;
        }

        /**
         * Builds the runtime; loads the eager models, so it throws {@link ModelUnavailableException} if one of
         * them lacks its files.
         */
        public InferenceRuntime build() {
            List<ModelManifest> manifests = new ArrayList<>();
            if (builtIns) {
                manifests.addAll(ManifestRegistry.load(manifestDirs).all());
            } else {
                manifestDirs.forEach(d -> manifests.addAll(ManifestRegistry.readDirectory(d)));
            }
            manifests.addAll(extraManifests);
            RuntimeSettings settings = new RuntimeSettings(device, maxBatch, maxWait, queueCapacity, submitTimeout,
                    intraOpThreads, interOpThreads, warmUp, arena, unloadIdle);
            Map<String, ModelManifest> byId = new LinkedHashMap<>();
            manifests.forEach(m -> byId.put(m.id(), m));
            Optional<MemoryPlan> plan = Optional.ofNullable(budget).map(b -> MemoryPlan.of(b, heap,
                    budgeted.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), maxBatch));
            ModelPaths paths = new ModelPaths(modelDir);
            Map<String, ModelSlot> slots = new LinkedHashMap<>();
            EngineClock engineClock = new EngineClock();
            OpenSessions sessions = new OpenSessions();
            Map<String, List<ModelManifest>> passengers = new LinkedHashMap<>();
            List<List<ModelManifest>> graphs = SharedGraph.groups(byId.values());
            graphs.forEach(g -> passengers.put(g.get(0).id(), g.subList(1, g.size())));
            for (ModelManifest m : byId.values()) {
                int batch = plan.map(p -> p.models().get(m.id())).map(MemoryPlan.ModelCost::batch).orElse(maxBatch);
                slots.put(m.id(), new ModelSlot(m, passengers.getOrDefault(m.id(), List.of()), paths,
                        settings.withMaxBatch(batch), engineClock, sessions));
            }
            Map<String, SharedGraph> shared = new LinkedHashMap<>();
            for (List<ModelManifest> g : graphs) {
                SharedGraph graph = new SharedGraph(g.stream().map(m -> slots.get(m.id())).toList());
                g.forEach(m -> shared.put(m.id(), graph));
            }
            InferenceRuntime runtime = new InferenceRuntime(slots, shared, engineClock, sessions, paths, plan,
                    unloadIdle, List.copyOf(eager));
            try {
                eager.forEach(runtime::load);
            } catch (RuntimeException e) {
                runtime.close();
                throw e;
            }
            return runtime;
        }
    }
}
