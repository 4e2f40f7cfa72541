package dev.acgbot.models.runtime;

import dev.acgbot.models.manifest.ModelFile;
import dev.acgbot.models.manifest.ModelManifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a {@link MemoryBudget} buys: the heap, and for each configured model its batch size, such that the
 * heap, the JVM and ONNX Runtime's own memory, every model's weights, and the activations of the largest batch
 * of one model plus one item of each other model (a /search while the indexer tags) stay inside the budget.
 * The indexer already runs the models one after another over a batch (BatchInference), so only one model runs
 * a large batch at a time. A budget too small for even one item per model is refused ({@link TooSmall}) with
 * what would fit.
 *
 * <p>The estimates are calibrated on the random-weight stand-ins of the real architectures with ONNX Runtime's
 * CPU arena off (docs/benchmarks.md, memory): weights resident about the ONNX file's size (399 MB RSS after
 * loading a 345 MB graph, JVM included); a ViT-B/16's activations at batch b peak at about
 * {@code b * (ATTENTION * T^2 + TOKEN * T)} bytes for T = 16-pixel patches + 1 tokens. With the arena kept for
 * activations and shrunk after each run ({@link ArenaMode#SHRUNK}, the default) the 448 tagger's peak at batch 4
 * was 66 MB (one item) above the arena-off peak, and the whole bot's reindex peak stays under the goal
 * (docs/benchmarks.md, memory, throughput).
 *
 * @param budget  the budget this plan divides
 * @param heap    the JVM heap the plan leaves room for: the budget's ({@link MemoryBudget#heapBytes()}) or the larger
 *                one the JVM was given
 * @param models  per model id, in configuration order
 */
public record MemoryPlan(MemoryBudget budget, long heap, Map<String, ModelCost> models) {
    /** JVM outside the heap (metaspace, code, thread stacks, direct buffers), ONNX Runtime's library and thread pools. */
    static final long RUNTIME_OVERHEAD = 250L << 20;
    /**
     * Bytes per token pair of one item: one float score per head (12 heads). With {@link #TOKEN} this is a fit to the
     * measured peaks, 66 MB per item at 448x448 (785 tokens) and 12 MB at 224x224 (197), plus about 20 %.
     */
    static final long ATTENTION = 12L * 4;
    /** Bytes per token of one item around the MLP (3072-wide GELU input and output, residual and norm copies). */
    static final long TOKEN = 16384L * 4;
    /** Weights in memory per byte of ONNX file (the session's initialisers plus prepacked copies). */
    static final double WEIGHTS_FACTOR = 1.05;

    public MemoryPlan {
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /**
     * One model's share.
     *
     * @param weights resident bytes of its weights once loaded
     * @param perItem peak activation bytes per item of a batch
     * @param batch   the largest batch it may run
     */
    public record ModelCost(String id, long weights, long perItem, int batch) {
    }

    /** The budget cannot hold the configured models; the message says what would. */
    public static final class TooSmall extends IllegalArgumentException {
        public TooSmall(String message) {
            super(message);
        }
    }

    /**
     * The plan for {@code manifests} (the models the bot is configured to use, each once) under {@code budget},
     * no batch above {@code maxBatch}, with the budget's own heap ({@link MemoryBudget#heapBytes()}).
     *
     * @throws TooSmall when one item of each model does not fit
     */
    public static MemoryPlan of(MemoryBudget budget, List<ModelManifest> manifests, int maxBatch) {
        return of(budget, budget.heapBytes(), manifests, maxBatch);
    }

    /**
     * The plan when the JVM was given {@code heap} (the launcher gives a large gallery more than the budget's
     * quarter: 1152 MB at a million images). The batches leave room for that heap, down to batch 1; it never makes
     * a budget that holds the models with its own heap too small, since a gallery's heap is mostly not in use at
     * once (the whole bot at 1M with 1152 MB peaked at 2.37 GB of a 2.5 GB budget, docs/benchmarks.md) —
     * {@link #overBudget()} says by how much the worst case now exceeds it.
     *
     * @throws TooSmall when one item of each model does not fit with the budget's own heap
     */
    public static MemoryPlan of(MemoryBudget budget, long heap, List<ModelManifest> manifests, int maxBatch) {
        long ownHeap = budget.heapBytes();
        long given = Math.max(ownHeap, heap);
        long[] once = weightsOnce(manifests);
        List<long[]> costs = java.util.stream.IntStream.range(0, manifests.size())
                .mapToObj(i -> new long[]{once[i], perItem(manifests.get(i))}).toList();
        long weights = costs.stream().mapToLong(c -> c[0]).sum();
        long free = budget.bytes() - ownHeap - RUNTIME_OVERHEAD - weights;
        long oneEach = costs.stream().mapToLong(c -> c[1]).sum();
        if (free < oneEach) {
            throw new TooSmall(refusal(budget, manifests, costs, free, oneEach));
        }
        long freeWithGiven = free - (given - ownHeap);
        Map<String, ModelCost> plan = new LinkedHashMap<>();
        for (int i = 0; i < manifests.size(); i++) {
            ModelManifest m = manifests.get(i);
            long own = costs.get(i)[1];
            int batch = m.dynamicBatch() ? (int) Math.max(1, Math.min(maxBatch, (freeWithGiven - oneEach + own) / own)) : m.fixedBatch();
            plan.put(m.id(), new ModelCost(m.id(), costs.get(i)[0], own, batch));
        }
        return new MemoryPlan(budget, given, plan);
    }

    /**
     * Bytes by which the heap, the runtime, every model's weights and the activations of the largest batch of one
     * model plus one item of each other exceed the budget; 0 when they fit (always, with the budget's own heap).
     */
    public long overBudget() {
        long weights = models.values().stream().mapToLong(ModelCost::weights).sum();
        long oneEach = models.values().stream().mapToLong(ModelCost::perItem).sum();
        long largestMore = models.values().stream().mapToLong(c -> c.perItem() * (c.batch() - 1)).max().orElse(0);
        return Math.max(0, heap + RUNTIME_OVERHEAD + weights + oneEach + largestMore - budget.bytes());
    }

    /** The smallest budget that runs {@code manifests} at batch 1. */
    public static long minimumFor(List<ModelManifest> manifests) {
        long need = RUNTIME_OVERHEAD;
        long[] once = weightsOnce(manifests);
        for (int i = 0; i < manifests.size(); i++) {
            need += once[i] + perItem(manifests.get(i));
        }
        // the heap is a quarter of the budget (at least 256 MB): need = budget - max(256 MB, budget / 4)
        long withQuarter = need * 4 / 3;
        return Math.max(MemoryBudget.MIN_BYTES, Math.max(need + (256L << 20), withQuarter)) + (1L << 20);
    }

    private static String refusal(MemoryBudget budget, List<ModelManifest> manifests, List<long[]> costs, long free,
                                  long oneEach) {
        String each = java.util.stream.IntStream.range(0, manifests.size())
                .mapToObj(i -> manifests.get(i).id() + " " + MemoryBudget.mb(costs.get(i)[0]) + " weights + "
                        + MemoryBudget.mb(costs.get(i)[1]) + " per image/text")
                .collect(Collectors.joining(", "));
        StringBuilder s = new StringBuilder().append(budget).append(" is too small for the configured models (")
                .append(each).append("; the heap takes ").append(MemoryBudget.mb(budget.heapBytes()))
                .append(" and the runtime about ").append(MemoryBudget.mb(RUNTIME_OVERHEAD)).append("). ")
                .append("They need at least ").append(MemoryBudget.mb(minimumFor(manifests))).append(": raise memory_budget");
        List<ModelManifest> fitting = largestFittingSubset(budget, manifests);
        if (!fitting.isEmpty() && fitting.size() < manifests.size()) {
            s.append(", or configure only ").append(fitting.stream().map(ModelManifest::id).collect(Collectors.joining(" and ")))
                    .append(", which fit").append(fitting.size() == 1 ? "s" : "").append(" in ").append(budget);
        } else if (fitting.isEmpty()) {
            s.append("; none of these models fits in ").append(budget).append(" even alone");
        }
        return s.append('.').toString();
    }

    /** Drops the heaviest models until the rest fit at batch 1 (keeps configuration order). */
    private static List<ModelManifest> largestFittingSubset(MemoryBudget budget, List<ModelManifest> manifests) {
        List<ModelManifest> kept = new ArrayList<>(manifests);
        kept.sort(Comparator.comparingLong(m -> weights(m) + perItem(m)));
        while (!kept.isEmpty() && minimumFor(kept) > budget.bytes()) {
            kept.remove(kept.size() - 1);
        }
        return manifests.stream().filter(kept::contains).toList();
    }

    /**
     * Each manifest's resident weights, counting a graph file once: models that load one file hold one session
     * (both int8 Chinese-CLIP towers, nsfwjs's classifier and features), so the later ones add no weights.
     */
    static long[] weightsOnce(List<ModelManifest> manifests) {
        java.util.Set<String> graphs = new java.util.HashSet<>();
        long[] out = new long[manifests.size()];
        for (int i = 0; i < out.length; i++) {
            ModelManifest m = manifests.get(i);
            String graph = m.file(m.modelFile()).flatMap(ModelFile::sha256).orElse(m.directory() + "/" + m.modelFile());
            out[i] = graphs.add(graph) ? weights(m) : 0;
        }
        return out;
    }

    /** Resident weights: the ONNX file's size (known from the manifest, else the approximate one) times the factor. */
    static long weights(ModelManifest m) {
        long file = m.file(m.modelFile()).map(ModelFile::displaySize).orElse(-1L);
        if (file < 0) {
            file = Math.max(0, m.knownSize());
        }
        return (long) (file * WEIGHTS_FACTOR);
    }

    /** Peak activations of one item, from the number of tokens the input makes (16-pixel patches, or the text's length). */
    static long perItem(ModelManifest m) {
        long tokens;
        long input;
        if (m.image().isPresent()) {
            var spec = m.image().get().spec();
            tokens = (long) Math.ceil(spec.width() / 16.0) * (long) Math.ceil(spec.height() / 16.0) + 1;
            input = 4L * spec.tensorSize();
        } else {
            tokens = m.tokenizer().map(t -> (long) t.contextLength()).orElse(77L);
            input = 8L * tokens;
        }
        return ATTENTION * tokens * tokens + TOKEN * tokens + input;
    }
}
