package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.image.ImageInfo;
import dev.acgbot.models.preprocess.ImageOps;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stage 3, on the decode threads: read and hash a file, and decode it only when its content still needs
 * inference, at most once per content in a run. The full image lives only while it is reduced to the
 * analysis side; everything after (queue, batch, hashes, model preprocessing) sees the reduced copy.
 *
 * <p>Two byte budgets bound the heap: {@code decoding} covers the short-lived full-size decode (raster plus
 * ARGB array, about 8 bytes a pixel: 290 MB for a 6000 x 6000 image, so a small heap decodes such images one
 * at a time), {@code inFlight} the reduced copies waiting for inference and commit, taken before decoding so
 * a full queue stops the decoders. No item takes more than half of {@code inFlight}, so the committing side,
 * which flushes once it holds half, can always make progress.
 */
final class ImagePreparer {
    private static final int DECODE_BYTES_PER_PIXEL = 8;

    private final GalleryStore store;
    private final Wanted wanted;
    private final ImageDecoder decoder;
    private final int analysisSide;
    private final ByteBudget decoding;
    private final ByteBudget inFlight;
    private final Map<String, CompletableFuture<Prepared.Analysis>> analyses = new ConcurrentHashMap<>();
    private final StageMeters.Meter meter;

    /** @param meter the decode stage's time (reading, hashing, decoding, reducing; not the budgets' waits) */
    ImagePreparer(GalleryStore store, Wanted wanted, ImageDecoder decoder, int analysisSide, ByteBudget decoding,
                  ByteBudget inFlight, StageMeters.Meter meter) {
        this.meter = meter;
        this.store = store;
        this.wanted = wanted;
        this.decoder = decoder;
        this.analysisSide = analysisSide;
        this.decoding = decoding;
        this.inFlight = inFlight;
    }

    Prepared prepare(FoundFile f) throws InterruptedException {
        meter.count(1);
        long t0 = System.nanoTime();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f.path());
        } catch (IOException e) {
            return new Prepared.Failed(f, "cannot read: " + e);
        }
        String sha = Sha256.hex(bytes);
        Optional<String> source = SourceLinks.find(f.path());
        boolean known = store.entry(sha).map(wanted::isComplete).orElse(false) && store.hasSignature(sha);
        meter.time(t0);
        if (known) {
            return new Prepared.Known(f, sha, source);
        }
        CompletableFuture<Prepared.Analysis> mine = new CompletableFuture<>();
        CompletableFuture<Prepared.Analysis> earlier = analyses.putIfAbsent(sha, mine);
        if (earlier != null) {
            return sameContent(f, sha, source, earlier);
        }
        Prepared p = null;
        try {
            p = analyse(f, sha, source, bytes);
            return p;
        } finally {
            if (p instanceof Prepared.Analysed a) {
                mine.complete(a.analysis());
            } else {
                // failed, out of memory, interrupted or crashed: files with the same content find out the same way
                analyses.remove(sha, mine);
                mine.completeExceptionally(new IllegalStateException(p instanceof Prepared.Failed failed
                        ? failed.reason() : "its decoding did not finish"));
            }
        }
    }

    /** Forgets a committed content: a later file with it finds it complete in the store instead. */
    void committed(String sha) {
        analyses.remove(sha);
    }

    /** A second file with content being analysed in this run shares the first one's pixels and hashes. */
    private static Prepared sameContent(FoundFile f, String sha, Optional<String> source,
                                        CompletableFuture<Prepared.Analysis> earlier) throws InterruptedException {
        try {
            return new Prepared.Analysed(f, sha, source, earlier.get(), 0);
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            return new Prepared.Failed(f, "same content as a file that failed: " + e.getCause().getMessage());
        }
    }

    private Prepared analyse(FoundFile f, String sha, Optional<String> source, byte[] bytes) throws InterruptedException {
        ImageInfo info;
        long t0 = System.nanoTime();
        try {
            info = decoder.probe(bytes);
        } catch (ImageDecodeException e) {
            return new Prepared.Failed(f, e.getMessage());
        } finally {
            meter.time(t0);
        }
        int[] reduced = ImageOps.reducedSize(info.width(), info.height(), analysisSide);
        long held = inFlight.acquire(Math.min(4L * reduced[0] * reduced[1], inFlight.capacity() / 2));
        try {
            long pixels = (long) info.width() * info.height();
            Prepared.Analysis a;
            try {
                a = decodeReduced(bytes, DECODE_BYTES_PER_PIXEL * pixels);
            } catch (OutOfMemoryError first) {
                // other decodes or batches may have filled the heap: try once more with the image alone
                try {
                    a = decodeReduced(bytes, Long.MAX_VALUE);
                } catch (OutOfMemoryError again) {
                    inFlight.release(held);
                    return new Prepared.OutOfMemory(f, info.width() + " x " + info.height() + " " + info.format());
                }
            }
            return new Prepared.Analysed(f, sha, source, a, held);
        } catch (ImageDecodeException e) {
            inFlight.release(held);
            return new Prepared.Failed(f, e.getMessage());
        } catch (RuntimeException | InterruptedException e) {
            inFlight.release(held);
            throw e;
        }
    }

    private Prepared.Analysis decodeReduced(byte[] bytes, long decodeBytes) throws ImageDecodeException, InterruptedException {
        long taken = decoding.acquire(decodeBytes);
        long t0 = System.nanoTime();
        try {
            return reduce(decoder.decode(bytes));
        } finally {
            meter.time(t0);
            decoding.release(taken);
        }
    }

    /** Takes the full image by parameter so nothing else keeps it alive once reduced. */
    private Prepared.Analysis reduce(DecodedImage full) {
        int w = full.width();
        int h = full.height();
        DecodedImage small = ImageOps.reduce(full, analysisSide);
        return new Prepared.Analysis(small, w, h, PerceptualHash.pHash(small), PerceptualHash.dHash(small), RepostSignature.of(small));
    }
}
