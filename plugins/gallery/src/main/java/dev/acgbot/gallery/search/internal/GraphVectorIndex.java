package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.GraphIndex;
import dev.acgbot.gallery.search.GraphParams;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.VectorRows;
import io.github.jbellis.jvector.disk.SimpleMappedReader;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;

/**
 * jvector's hierarchical Vamana/HNSW graph over {@link VectorRows} (float32 or int8). jvector keeps only the graph; every
 * score is computed here straight from the matrix chunks with {@link Dot}, so vectors are held once.
 * Scores given to jvector are {@code (1 + dot) / 2} (its convention for inner product, kept in [0, 1]).
 */
public final class GraphVectorIndex implements GraphIndex {
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
    private static final float NEIGHBOR_OVERFLOW = 1.2f;
    private static final float ALPHA = 1.2f;

    private final VectorRows matrix;
    private final ImmutableGraphIndex graph;
    private final GraphParams params;
    private final ThreadLocal<GraphSearcher> searchers;

    private GraphVectorIndex(VectorRows matrix, ImmutableGraphIndex graph, GraphParams params) {
        this.matrix = matrix;
        this.graph = graph;
        this.params = params;
        this.searchers = ThreadLocal.withInitial(() -> new GraphSearcher(graph));
    }

    public static GraphVectorIndex build(VectorRows matrix, GraphParams params, int threads) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try (GraphIndexBuilder builder = builder(matrix, params, pool)) {
            ImmutableGraphIndex graph = builder.build(new MatrixValues(matrix));
            builder.cleanup();
            return new GraphVectorIndex(matrix, graph, params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdown();
        }
    }

    public static GraphVectorIndex load(VectorRows matrix, GraphParams params, Path file) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(1);
        try (GraphIndexBuilder builder = builder(matrix, params, pool);
             SimpleMappedReader.Supplier readers = new SimpleMappedReader.Supplier(file);
             var reader = readers.get()) {
            builder.load(reader);
            ImmutableGraphIndex graph = builder.getGraph();
            if (graph.size(0) != matrix.size()) {
                throw new IOException("graph " + file + " covers " + graph.size(0) + " rows, matrix has " + matrix.size());
            }
            return new GraphVectorIndex(matrix, graph, params);
        } finally {
            pool.shutdown();
        }
    }

    private static GraphIndexBuilder builder(VectorRows matrix, GraphParams params, ForkJoinPool pool) {
        // HNSW's M means M links on upper layers and 2M on the base layer; jvector takes degrees per layer
        return new GraphIndexBuilder(new MatrixScores(matrix), matrix.dimension(), List.of(2 * params.m(), params.m()),
                params.efConstruction(), NEIGHBOR_OVERFLOW, ALPHA, true, true, pool, pool);
    }

    @Override
    public GraphParams params() {
        return params;
    }

    @Override
    public void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            ((OnHeapGraphIndex) graph).save(out);
        }
        // rename is atomic: a crash leaves the old graph or the new one, never half of one
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public GraphIndex withEfSearch(int efSearch) {
        return new GraphVectorIndex(matrix, graph, new GraphParams(params.m(), params.efConstruction(), efSearch));
    }

    @Override
    public int dimension() {
        return matrix.dimension();
    }

    @Override
    public int size() {
        return matrix.size();
    }

    @Override
    public String kind() {
        return "graph";
    }

    @Override
    public List<Neighbor> search(float[] query, int k, IntPredicate accept) {
        if (query.length != matrix.dimension()) {
            throw new IllegalArgumentException("query has " + query.length + " values, index has " + matrix.dimension());
        }
        if (matrix.size() == 0) {
            return List.of();
        }
        GraphSearcher searcher = searchers.get();
        SearchScoreProvider ssp = new DefaultSearchScoreProvider(scorer(matrix, query));
        SearchResult result = searcher.search(ssp, k, Math.max(k, params.efSearch()), 0f, 0f, accept::test);
        List<Neighbor> out = new ArrayList<>(result.getNodes().length);
        for (SearchResult.NodeScore ns : result.getNodes()) {
            out.add(new Neighbor(ns.node, ns.score * 2f - 1f));
        }
        return out;
    }

    static ScoreFunction.ExactScoreFunction scorer(VectorRows matrix, float[] query) {
        return scaled(matrix.scorer(query));
    }

    private static ScoreFunction.ExactScoreFunction scaled(VectorRows.RowScorer scores) {
        return node -> (1f + scores.score(node)) * 0.5f;
    }

    private static float[] toArray(VectorFloat<?> v) {
        float[] out = new float[v.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    /** Vectors for jvector's builder; only read once per inserted node, so a copy is cheap enough. */
    private record MatrixValues(VectorRows matrix) implements RandomAccessVectorValues {
        @Override
        public int size() {
            return matrix.size();
        }

        @Override
        public int dimension() {
            return matrix.dimension();
        }

        @Override
        public VectorFloat<?> getVector(int node) {
            return VTS.createFloatVector(matrix.row(node));
        }

        @Override
        public boolean isValueShared() {
            return false;
        }

        @Override
        public RandomAccessVectorValues copy() {
            return this;
        }
    }

    /** Exact build-time scores read from the matrix. */
    private record MatrixScores(VectorRows matrix) implements BuildScoreProvider {
        @Override
        public boolean isExact() {
            return true;
        }

        @Override
        public VectorFloat<?> approximateCentroid() {
            int dim = matrix.dimension();
            float[] mean = new float[dim];
            int step = Math.max(1, matrix.size() / 10_000);
            int n = 0;
            for (int row = 0; row < matrix.size(); row += step, n++) {
                float[] c = matrix.row(row);
                for (int i = 0; i < dim; i++) {
                    mean[i] += c[i];
                }
            }
            for (int i = 0; i < dim && n > 0; i++) {
                mean[i] /= n;
            }
            return VTS.createFloatVector(mean);
        }

        @Override
        public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
            return new DefaultSearchScoreProvider(scorer(matrix, toArray(vector)));
        }

        @Override
        public SearchScoreProvider searchProviderFor(int node) {
            return new DefaultSearchScoreProvider(scaled(matrix.scorerForRow(node)));
        }

        @Override
        public SearchScoreProvider diversityProviderFor(int node) {
            return searchProviderFor(node);
        }
    }
}
