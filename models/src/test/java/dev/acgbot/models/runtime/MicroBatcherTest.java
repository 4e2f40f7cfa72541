package dev.acgbot.models.runtime;

import dev.acgbot.models.api.ModelBusyException;
import dev.acgbot.models.runtime.internal.MicroBatcher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicroBatcherTest {

    @Test
    void concurrentRequestsShareBatchesAndEachCallerGetsItsOwnAnswer() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        try (MicroBatcher<Integer, Integer> b = new MicroBatcher<>("square", 8, Duration.ofMillis(50), 64,
                Duration.ofSeconds(5), items -> {
                    batchSizes.add(items.size());
                    return items.stream().map(i -> i * i).toList();
                })) {
            int threads = 16;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int x = t;
                answers.add(pool.submit(() -> {
                    go.await();
                    return b.submit(x).get(5, TimeUnit.SECONDS);
                }));
            }
            go.countDown();
            for (int t = 0; t < threads; t++) {
                assertEquals(t * t, answers.get(t).get(), "caller " + t + " gets its own square");
            }
            pool.shutdown();
            assertEquals(threads, batchSizes.stream().mapToInt(Integer::intValue).sum());
            assertTrue(batchSizes.size() < threads, "requests were gathered: " + batchSizes);
            assertTrue(batchSizes.stream().allMatch(s -> s <= 8), "never above maxBatch: " + batchSizes);
            assertEquals(new MicroBatcher.Stats(threads, batchSizes.size(),
                    batchSizes.stream().mapToInt(Integer::intValue).max().orElseThrow()), b.stats());
        }
    }

    @Test
    void aLoneRequestRunsAfterMaxWaitWithoutCompany() throws Exception {
        try (MicroBatcher<String, String> b = new MicroBatcher<>("echo", 32, Duration.ofMillis(30), 8,
                Duration.ofSeconds(1), items -> items)) {
            long t0 = System.nanoTime();
            assertEquals("x", b.submit("x").get(2, TimeUnit.SECONDS));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 25 && ms < 1500, "waited about maxWait: " + ms + " ms");
        }
    }

    @Test
    void aFullQueueBlocksThenSaysBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (MicroBatcher<Integer, Integer> b = new MicroBatcher<>("slow", 1, Duration.ZERO, 2,
                Duration.ofMillis(100), items -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return items;
                })) {
            CompletableFuture<Integer> running = b.submit(1);
            Thread.sleep(100); // the worker now holds item 1; the queue is empty again
            CompletableFuture<Integer> q1 = b.submit(2);
            CompletableFuture<Integer> q2 = b.submit(3);
            long t0 = System.nanoTime();
            ModelBusyException e = assertThrows(ModelBusyException.class, () -> b.submit(4));
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 90, "blocked for the submit timeout first");
            assertTrue(e.getMessage().contains("busy"), e.getMessage());
            assertEquals("slow", e.modelId());
            release.countDown();
            assertEquals(1, running.get(2, TimeUnit.SECONDS));
            assertEquals(2, q1.get(2, TimeUnit.SECONDS));
            assertEquals(3, q2.get(2, TimeUnit.SECONDS));
        }
    }

    @Test
    void anEngineFailureReachesEveryCallerOfThatBatchOnly() throws Exception {
        try (MicroBatcher<Integer, Integer> b = new MicroBatcher<>("picky", 4, Duration.ofMillis(20), 16,
                Duration.ofSeconds(1), items -> {
                    if (items.contains(13)) {
                        throw new IllegalStateException("unlucky batch");
                    }
                    return items;
                })) {
            CompletableFuture<Integer> bad = b.submit(13);
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> bad.get(2, TimeUnit.SECONDS));
            assertEquals("unlucky batch", e.getCause().getMessage());
            assertEquals(7, b.submit(7).get(2, TimeUnit.SECONDS), "the worker survives a failed batch");
        }
    }
}
