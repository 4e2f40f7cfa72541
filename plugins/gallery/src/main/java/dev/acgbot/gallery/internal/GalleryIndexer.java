package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.GalleryOutOfMemoryException;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexProgress;
import dev.acgbot.gallery.ReindexProgress.Phase;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexStages;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.models.api.EngineActivity;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One reindex run as five stages: {@link FolderScan scan} → {@link ChangeDetection change detection} →
 * {@link ImagePreparer read, hash, decode and reduce} (on the decode threads) → {@link BatchInference
 * inference} → {@link BatchCommitter commit} (both on the calling thread, a batch at a time); then vanished
 * files are removed and the graphs refreshed. Memory between the stages is bounded in bytes, not items (see
 * {@link ImagePreparer}). Runs under the gallery's write lock.
 */
final class GalleryIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryIndexer.class);

    private final IndexTarget target;
    private final Wanted wanted;

    GalleryIndexer(IndexTarget target) {
        this.target = target;
        this.wanted = target.wanted();
    }

    ReindexSummary run(ReindexRequest request, ReindexListener listener, CancellationToken token) {
        long start = System.nanoTime();
        FolderScan.Result scan = FolderScan.scan(target.options().folders(), listener, token);
        ChangeDetection.Plan plan = ChangeDetection.plan(scan.files(), target.store(), wanted, request.rereadAll());
        BatchCommitter committer = new BatchCommitter(target);
        StageMeters meters = new StageMeters();
        BatchInference inference = new BatchInference(target.inference(), wanted, target.options().tagThreshold(),
                target.options().ratingRule(), target.options().classifier(), meters);
        Optional<EngineActivity> engineBefore = target.inference().activity();
        long indexStart = System.nanoTime();
        boolean cancelled;
        try (CancelScope scope = new CancelScope(token)) {
            cancelled = !index(plan.work(), inference, committer, listener, scope, meters);
        }
        long indexNanos = plan.work().isEmpty() ? 0 : System.nanoTime() - indexStart;
        Optional<EngineActivity> engine = target.inference().activity().map(a -> a.since(engineBefore.orElse(EngineActivity.NONE)));
        ReindexStages stages = plan.work().isEmpty() ? ReindexStages.NONE : meters.stages(indexNanos, engine);
        if (!cancelled && !token.isCancelled()) {
            Set<String> seen = new HashSet<>();
            scan.files().forEach(f -> seen.add(f.key()));
            committer.removeVanished(seen, scan.unreadableRoots(), listener);
            target.refreshGraphs(listener, token);
        }
        cancelled |= token.isCancelled();
        listener.onProgress(new ReindexProgress(plan.work().size(), plan.work().size(), 0, Duration.ZERO, Phase.DONE));
        ReindexSummary summary = new ReindexSummary(committer.added, committer.updated, committer.removed,
                plan.unchanged(), committer.failed, plan.knownFailures(), Duration.ofNanos(System.nanoTime() - start),
                stages, cancelled, PeakMemory.peakRssBytes());
        LOG.info("reindex: {}", summary);
        if (stages != ReindexStages.NONE) {
            LOG.info("reindex stages: {}", stages);
        }
        return summary;
    }

    /** Returns false when cancelled before all work was committed. */
    private boolean index(List<FoundFile> work, BatchInference inference, BatchCommitter committer,
                          ReindexListener listener, CancelScope scope, StageMeters meters) {
        if (work.isEmpty()) {
            return true;
        }
        long heap = Runtime.getRuntime().maxMemory();
        // a quarter of the heap for full-size decodes and a quarter for reduced images in flight: the rest is
        // for inference tensors, the store and searches running meanwhile
        ByteBudget decoding = new ByteBudget(heap / 4);
        ByteBudget inFlight = new ByteBudget(heap / 4);
        ImagePreparer preparer = new ImagePreparer(target.store(), wanted, new ImageDecoder(target.options().decodeLimits()),
                target.analysisSide(), decoding, inFlight, meters.decode);
        BlockingQueue<Prepared> ready = new LinkedBlockingQueue<>(); // bounded by inFlight's bytes, not by count
        ExecutorService decoders = Executors.newFixedThreadPool(target.options().decodeThreads(), r -> {
            Thread t = new Thread(r, "gallery-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            for (FoundFile f : work) {
                decoders.execute(() -> prepareInto(preparer, f, ready));
            }
            Progress progress = new Progress(work.size(), listener);
            int received = 0;
            while (received < work.size()) {
                List<Prepared> batch = nextBatch(ready, work.size() - received, inFlight.capacity() / 2, scope);
                received += batch.size();
                commitBatch(batch, inference, committer, preparer, scope, meters.commit);
                batch.forEach(p -> inFlight.release(p.heldBytes()));
                progress.done(batch.size());
            }
            return true;
        } catch (CancelScope.Cancelled e) {
            return false;
        } finally {
            decoders.shutdownNow();
        }
    }

    private static void prepareInto(ImagePreparer preparer, FoundFile f, BlockingQueue<Prepared> ready) {
        try {
            ready.add(preparer.prepare(f));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled: the indexing thread no longer waits for it
        } catch (OutOfMemoryError e) {
            ready.add(new Prepared.OutOfMemory(f, "reading it"));
        } catch (RuntimeException | Error e) {
            // every file must reach the indexing thread, which counts them; a decoder bug fails one file
            LOG.warn("unexpected failure preparing {}", f.path(), e);
            ready.add(new Prepared.Failed(f, "unexpected: " + e));
        }
    }

    /**
     * Up to a batch of prepared items: waits for them one by one, and stops early once they hold half the
     * in-flight budget (so decoders blocked on the other half can go on) or nothing more is coming.
     */
    private List<Prepared> nextBatch(BlockingQueue<Prepared> ready, int remaining, long flushBytes, CancelScope scope) {
        int max = Math.min(target.options().batchSize(), remaining);
        List<Prepared> batch = new ArrayList<>(max);
        long bytes = 0;
        while (batch.size() < max && bytes < flushBytes) {
            Prepared p = scope.waiting(ready::take);
            batch.add(p);
            bytes += p.heldBytes();
        }
        return batch;
    }

    private void commitBatch(List<Prepared> batch, BatchInference inference, BatchCommitter committer,
                             ImagePreparer preparer, CancelScope scope, StageMeters.Meter commitMeter) {
        Map<String, DecodedImage> toInfer = new LinkedHashMap<>();
        for (Prepared p : batch) {
            if (p instanceof Prepared.OutOfMemory o) {
                throw new GalleryOutOfMemoryException("decoding " + o.file().path() + " (" + o.detail() + ")");
            }
            // an earlier batch may have committed the same content after this file was prepared
            if (p instanceof Prepared.Analysed a && !target.store().entry(a.sha()).map(wanted::isComplete).orElse(false)) {
                toInfer.putIfAbsent(a.sha(), a.analysis().image());
            }
        }
        BatchInference.Results results;
        try {
            results = scope.waiting(() -> inference.run(toInfer));
        } catch (OutOfMemoryError | IllegalStateException e) {
            // the engine's worker thread reports its OutOfMemoryError as the cause of a failed run
            if (e instanceof OutOfMemoryError || causedByOutOfMemory(e)) {
                throw new GalleryOutOfMemoryException("running the models on a batch of " + toInfer.size() + " images");
            }
            throw e;
        }
        long t0 = System.nanoTime();
        committer.commit(batch, results);
        commitMeter.time(t0);
        commitMeter.count(batch.size());
        batch.forEach(p -> {
            if (p instanceof Prepared.Analysed a) {
                preparer.committed(a.sha());
            }
        });
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** Progress of the indexing stage, reported after every commit. */
    private static final class Progress {
        private final int total;
        private final ReindexListener listener;
        private final long t0 = System.nanoTime();
        private int done;

        Progress(int total, ReindexListener listener) {
            this.total = total;
            this.listener = listener;
        }

        void done(int n) {
            done += n;
            double rate = done / Math.max((System.nanoTime() - t0) / 1e9, 1e-9);
            Duration eta = Duration.ofMillis((long) ((total - done) / Math.max(rate, 1e-9) * 1000));
            listener.onProgress(new ReindexProgress(done, total, rate, eta, Phase.INDEXING));
        }
    }
}
