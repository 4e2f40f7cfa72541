package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.GraphIndex;
import dev.acgbot.gallery.search.GraphParams;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.VectorRows;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;

/**
 * A hierarchical Vamana/HNSW graph over {@link VectorRows} (float32 or int8): built by jvector, then copied into a
 * {@link CompactGraph} (flat int arrays, about a third of jvector's on-heap size) that {@link GraphSearch}
 * walks; jvector's graph is dropped after the build. Every score is computed straight from the matrix chunks
 * with {@link Dot}, so vectors are held once. Scores given to jvector while building are {@code (1 + dot) / 2}
 * (its convention for inner product, kept in [0, 1]); searches return the dot product itself.
 */
public final class GraphVectorIndex implements GraphIndex {
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
    private static final float NEIGHBOR_OVERFLOW = 1.2f;
    private static final float ALPHA = 1.2f;

    // searches on one thread reuse one searcher (visited bits and heaps), whichever graph they walk
    private static final ThreadLocal<GraphSearch> SEARCHERS = ThreadLocal.withInitial(GraphSearch::new);

    private final VectorRows matrix;
    private final CompactGraph graph;
    private final GraphParams params;

    private GraphVectorIndex(VectorRows matrix, CompactGraph graph, GraphParams params) {
        this.matrix = matrix;
        this.graph = graph;
        this.params = params;
    }

    public static GraphVectorIndex build(VectorRows matrix, GraphParams params, int threads) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try (GraphIndexBuilder builder = builder(matrix, params, pool)) {
            ImmutableGraphIndex graph = builder.build(new MatrixValues(matrix));
            builder.cleanup();
            return new GraphVectorIndex(matrix, CompactGraph.of(graph), params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdown();
        }
    }

    /** Reads a graph written by {@link #save}; a file in jvector's format (written before) is refused, so it is rebuilt. */
    public static GraphVectorIndex load(VectorRows matrix, GraphParams params, Path file) throws IOException {
        CompactGraph graph = CompactGraph.read(file);
        if (graph.size != matrix.size()) {
            throw new IOException("graph " + file + " covers " + graph.size + " rows, matrix has " + matrix.size());
        }
        return new GraphVectorIndex(matrix, graph, params);
    }

    CompactGraph graph() {
        return graph;
    }

    @Override
    public long memoryBytes() {
        return graph.bytes();
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
        graph.write(tmp);
        // rename is atomic: a crash leaves the old graph or the new one, never half of one
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public GraphIndex withEfSearch(int efSearch) {
        return new GraphVectorIndex(matrix, graph, new GraphParams(params.m(), params.efConstruction(), efSearch));
    }

    @Override
    public GraphIndex over(VectorRows rows) {
        if (rows.size() != matrix.size() || rows.dimension() != matrix.dimension()) {
            throw new IllegalArgumentException("graph covers " + matrix.size() + " rows of " + matrix.dimension()
                    + ", not " + rows.size() + " of " + rows.dimension());
        }
        return new GraphVectorIndex(rows, graph, params);
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
        return SEARCHERS.get().search(graph, matrix.scorer(query), k, params.efSearch(), accept);
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
