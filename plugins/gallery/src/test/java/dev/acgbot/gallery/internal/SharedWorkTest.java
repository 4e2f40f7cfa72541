package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedWorkTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(1);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void resultsComeBackInTheItemsOrderWhoeverRanThem() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch both = new CountDownLatch(2); // each piece waits until both threads have taken one
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        List<Integer> squares = new SharedWork(pool, 1).map(items, i -> {
            if (threads.add(Thread.currentThread().getName())) {
                both.countDown();
            }
            await(both);
            return i * i;
        });
        assertEquals(items.stream().map(i -> i * i).toList(), squares);
        assertEquals(2, threads.size(), "the caller and the helper both took pieces: " + threads);
    }

    @Test
    void aBusyPoolDoesNotStallTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String caller = Thread.currentThread().getName();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> doubled = new SharedWork(pool, 1).map(List.of(1, 2, 3), i -> {
            threads.add(Thread.currentThread().getName());
            return 2 * i;
        });
        assertEquals(List.of(2, 4, 6), doubled);
        assertEquals(Set.of(caller), threads);
        release.countDown();
        // the helper's late turn finds nothing left and returns at once
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void aPieceThatThrowsIsRethrownToTheCallerAfterTheOthers() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new SharedWork(pool, 1).map(List.of(1, 2, 3, 4), i -> {
            if (i == 2) {
                throw new IllegalStateException("piece 2");
            }
            done.add(i);
            return i;
        }));
        assertEquals("piece 2", thrown.getMessage());
        assertEquals(Set.of(1, 3, 4), done);
    }

    @Test
    void withoutHelpersTheCallerDoesEveryPieceInOrder() {
        List<Integer> order = new java.util.ArrayList<>();
        SharedWork.CALLER.map(List.of(3, 1, 2), i -> order.add(i));
        assertEquals(List.of(3, 1, 2), order);
    }

    @Test
    void aClosedPoolLeavesTheWorkToTheCaller() {
        pool.shutdown();
        assertEquals(List.of(1, 2), new SharedWork(pool, 1).map(List.of(1, 2), i -> i));
    }

    @Test
    void firstIsTheEarliestItemWithAResultThoughALaterOneFinishedFirst() {
        CountDownLatch laterDone = new CountDownLatch(1); // the first item waits until a later one has its result
        Optional<String> first = new SharedWork(pool, 1).first(List.of(0, 1, 2), i -> {
            if (i == 0) {
                await(laterDone);
                return Optional.of("zero");
            }
            laterDone.countDown();
            return Optional.of("later " + i);
        });
        assertEquals(Optional.of("zero"), first);
    }

    @Test
    void firstStartsNoItemAfterOneWithAResultButTheOneAlreadyUnderWay() {
        Set<Integer> started = ConcurrentHashMap.newKeySet();
        Optional<Integer> first = new SharedWork(pool, 1).first(IntStream.range(0, 40).boxed().toList(), i -> {
            started.add(i);
            if (i == 0) {
                return Optional.of(i);
            }
            sleep(100); // the other thread stays on its item while item 0's result is taken (no scheduling makes it run 39)
            return Optional.empty();
        });
        assertEquals(Optional.of(0), first);
        // two threads: when item 0 has its result, the other one is on at most one item after it
        assertTrue(started.contains(0) && started.size() <= 2, "started " + started);
    }

    @Test
    void firstWithoutHelpersStopsAtTheFirstResult() {
        List<Integer> tried = new java.util.ArrayList<>();
        Optional<Integer> first = SharedWork.CALLER.first(List.of(5, 6, 7, 8), i -> {
            tried.add(i);
            return i % 2 == 0 ? Optional.of(i) : Optional.empty();
        });
        assertEquals(Optional.of(6), first);
        assertEquals(List.of(5, 6), tried);
    }

    @Test
    void firstRethrowsAPieceThatThrewOnlyBeforeTheResult() {
        SharedWork work = new SharedWork(pool, 1);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> work.first(List.of(0, 1), i -> {
            if (i == 0) {
                throw new IllegalStateException("piece 0");
            }
            return Optional.of(i);
        }));
        assertEquals("piece 0", thrown.getMessage());
        // one thread alone would have stopped at item 0's result and never run item 1
        CountDownLatch thrownYet = new CountDownLatch(1);
        assertEquals(Optional.of(0), work.first(List.of(0, 1), i -> {
            if (i == 0) {
                await(thrownYet);
                return Optional.of(0);
            }
            thrownYet.countDown();
            throw new IllegalStateException("piece 1");
        }));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
