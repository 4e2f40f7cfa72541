package dev.acgbot.bench.jmh;

import dev.acgbot.gallery.search.Int8Matrix;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.Rescorer;
import dev.acgbot.gallery.search.VectorIndex;
import dev.acgbot.gallery.search.VectorIndexes;
import dev.acgbot.gallery.search.VectorMatrix;
import dev.acgbot.testkit.ClusteredVectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The exact top-10 scan of the gallery ({@code VectorIndexes.exact}, the public search API) over clustered
 * CLIP-like vectors: one query on one thread (the scan's memory-bound core), and a batch of 16 (four queries
 * per row load). {@code bench index} puts the same scan next to faiss and the machine's bandwidth. The int8
 * variants are the gallery's scan since issue 15 (int8 rows, best 100 re-ranked from the float rows); the
 * {@code Scalar} ones fork without the Vector API module, as a plain {@code java -jar} runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class TopKBench {
    private static final int DIM = 512;
    private static final int K = 10;

    @Param({"100000"})
    int rows;

    VectorIndex index;
    VectorIndex int8;
    ExecutorService pool;
    float[] query;
    float[][] batch;

    @Setup(Level.Trial)
    public void setUp() {
        ClusteredVectors data = new ClusteredVectors(DIM, Math.max(10, rows / 1000), rows, 42);
        VectorMatrix matrix = new VectorMatrix(DIM);
        for (int i = 0; i < rows; i++) {
            matrix.append(data.image(i));
        }
        pool = Executors.newSingleThreadExecutor();
        index = VectorIndexes.exact(matrix.view(), pool, 1);
        int8 = VectorIndexes.exactInt8(Int8Matrix.of(matrix.view()).view(), Rescorer.of(matrix.view()),
                VectorIndexes.DEFAULT_RERANK_DEPTH, pool, 1);
        query = data.imageQuery(0);
        batch = new float[16][];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = i % 2 == 0 ? data.imageQuery(i) : data.textQuery(i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    public List<Neighbor> singleQuery() {
        return index.search(query, K, VectorIndex.ALL);
    }

    @Benchmark
    public List<List<Neighbor>> batch16() {
        return index.searchBatch(batch, K, VectorIndex.ALL);
    }

    @Benchmark
    public List<Neighbor> int8SingleQuery() {
        return int8.search(query, K, VectorIndex.ALL);
    }

    @Benchmark
    public List<List<Neighbor>> int8Batch16() {
        return int8.searchBatch(batch, K, VectorIndex.ALL);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
    public List<Neighbor> singleQueryScalar() {
        return index.search(query, K, VectorIndex.ALL);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
    public List<Neighbor> int8SingleQueryScalar() {
        return int8.search(query, K, VectorIndex.ALL);
    }
}
