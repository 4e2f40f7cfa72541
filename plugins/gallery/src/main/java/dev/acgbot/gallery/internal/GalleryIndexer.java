package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexProgress;
import dev.acgbot.gallery.ReindexProgress.Phase;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One reindex run: scan the folders, skip files unchanged since the last run, read/hash/decode the rest on
 * CPU threads, embed and tag them in batches, and commit each batch with the file records that let a later
 * run skip it. Then remove vanished files and refresh the graphs. Runs under the gallery's write lock.
 */
final class GalleryIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryIndexer.class);
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif", "bmp");
    private static final int REMOVALS_PER_COMMIT = 1000;

    private final DefaultGallery gallery;
    private final GalleryStore store;
    private final Map<String, String> manifestHashes = new LinkedHashMap<>();
    private final Optional<String> tagger;

    private int added;
    private int updated;
    private int removed;
    private int unchanged;
    private int failed;
    private long busyNanos;

    GalleryIndexer(DefaultGallery gallery) {
        this.gallery = gallery;
        this.store = gallery.store();
        gallery.rows().forEach((id, r) -> manifestHashes.put(id, r.manifestHash));
        this.tagger = gallery.options().taggerModel();
    }

    private record FoundFile(Path path, long size, long mtime) {
        String key() {
            return path.toString();
        }
    }

    /** A file read and, when its content needs inference, decoded; or why it failed. */
    private record Prepared(FoundFile file, String sha, DecodedImage image, long pHash, long dHash,
                            Optional<String> source, Exception failure) {
    }

    /** Marks the end of the prepared stream. */
    private static final Prepared END = new Prepared(null, null, null, 0, 0, Optional.empty(), null);

    ReindexSummary run(ReindexRequest request, ReindexListener listener, CancellationToken token) {
        long start = System.nanoTime();
        Set<Path> unreadableRoots = new HashSet<>();
        List<FoundFile> found = scan(listener, token, unreadableRoots);
        Set<String> seen = new HashSet<>();
        List<FoundFile> work = new ArrayList<>();
        for (FoundFile f : found) {
            seen.add(f.key());
            Optional<FileRecord> rec = store.file(f.key());
            if (!request.rereadAll() && rec.isPresent() && rec.get().size() == f.size() && rec.get().mtimeMillis() == f.mtime()
                    && store.entry(rec.get().sha256()).map(this::complete).orElse(false)) {
                unchanged++;
            } else {
                work.add(f);
            }
        }
        long indexStart = System.nanoTime();
        boolean cancelled = index(work, listener, token);
        long indexNanos = System.nanoTime() - indexStart;
        if (!cancelled && !token.isCancelled()) {
            removeVanished(seen, unreadableRoots, listener);
            gallery.refreshGraphs(listener, token);
        }
        cancelled |= token.isCancelled();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        listener.onProgress(new ReindexProgress(work.size(), work.size(), 0, Duration.ZERO, Phase.DONE));
        double busy = indexNanos == 0 ? 0 : Math.min(1.0, (double) busyNanos / indexNanos);
        ReindexSummary summary = new ReindexSummary(added, updated, removed, unchanged, failed, took, busy, cancelled);
        LOG.info("reindex: {}", summary);
        return summary;
    }

    /** Whether an entry has everything the current configuration asks for. */
    private boolean complete(GalleryEntry e) {
        for (Map.Entry<String, String> m : manifestHashes.entrySet()) {
            if (!m.getValue().equals(e.embeddings().get(m.getKey()))) {
                return false;
            }
        }
        return tagger.map(t -> t.equals(e.taggerModel())).orElse(true);
    }

    private List<FoundFile> scan(ReindexListener listener, CancellationToken token, Set<Path> unreadableRoots) {
        List<FoundFile> found = new ArrayList<>();
        for (Path root : gallery.options().folders()) {
            if (!Files.isDirectory(root)) {
                // an unmounted disk must not empty the gallery: keep its files until it is back
                LOG.warn("gallery folder {} is missing or not a directory; its images are kept", root);
                unreadableRoots.add(root);
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (token.isCancelled()) {
                            return FileVisitResult.TERMINATE;
                        }
                        if (attrs.isRegularFile() && isImage(file)) {
                            found.add(new FoundFile(file.toAbsolutePath().normalize(), attrs.size(),
                                    attrs.lastModifiedTime().toMillis()));
                            if (found.size() % 1000 == 0) {
                                listener.onProgress(new ReindexProgress(found.size(), 0, 0, Duration.ZERO, Phase.SCANNING));
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        LOG.warn("cannot read {}: {}", file, e.toString());
                        if (Files.isDirectory(file)) {
                            unreadableRoots.add(file.toAbsolutePath().normalize());
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                LOG.warn("cannot scan {}: {}", root, e.toString());
                unreadableRoots.add(root);
            }
        }
        listener.onProgress(new ReindexProgress(found.size(), found.size(), 0, Duration.ZERO, Phase.SCANNING));
        return found;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Returns true when cancelled before all work was committed. */
    private boolean index(List<FoundFile> work, ReindexListener listener, CancellationToken token) {
        if (work.isEmpty()) {
            return false;
        }
        int batchSize = gallery.options().batchSize();
        BlockingQueue<Prepared> queue = new ArrayBlockingQueue<>(2 * batchSize);
        ExecutorService readers = Executors.newFixedThreadPool(gallery.options().decodeThreads(), r -> {
            Thread t = new Thread(r, "gallery-decode");
            t.setDaemon(true);
            return t;
        });
        ImageDecoder decoder = new ImageDecoder(gallery.options().decodeLimits());
        var remaining = new java.util.concurrent.atomic.AtomicInteger(work.size());
        for (FoundFile f : work) {
            readers.execute(() -> {
                try {
                    if (!token.isCancelled()) {
                        queue.put(prepare(f, decoder));
                    }
                    if (remaining.decrementAndGet() == 0) {
                        queue.put(END);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        long t0 = System.nanoTime();
        int done = 0;
        try {
            List<Prepared> batch = new ArrayList<>(batchSize);
            boolean end = false;
            while (!end) {
                Prepared p = queue.poll(200, TimeUnit.MILLISECONDS);
                if (token.isCancelled()) {
                    return true;
                }
                if (p == null) {
                    continue;
                }
                if (p == END) {
                    end = true;
                } else {
                    batch.add(p);
                }
                if (batch.size() == batchSize || end && !batch.isEmpty()) {
                    commitBatch(batch);
                    done += batch.size();
                    batch.clear();
                    double secs = (System.nanoTime() - t0) / 1e9;
                    double rate = done / Math.max(secs, 1e-9);
                    Duration eta = Duration.ofMillis((long) ((work.size() - done) / Math.max(rate, 1e-9) * 1000));
                    listener.onProgress(new ReindexProgress(done, work.size(), rate, eta, Phase.INDEXING));
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            readers.shutdownNow();
        }
    }

    /** CPU side: read, hash, and decode only when the content still needs inference. */
    private Prepared prepare(FoundFile f, ImageDecoder decoder) {
        try {
            byte[] bytes = Files.readAllBytes(f.path());
            String sha = sha256(bytes);
            Optional<GalleryEntry> known = store.entry(sha);
            Optional<String> source = SourceLinks.find(f.path());
            if (known.isPresent() && complete(known.get())) {
                return new Prepared(f, sha, null, 0, 0, source, null);
            }
            DecodedImage image = decoder.decode(bytes);
            return new Prepared(f, sha, image, PerceptualHash.pHash(image), PerceptualHash.dHash(image), source, null);
        } catch (Exception | OutOfMemoryError e) {
            return new Prepared(f, null, null, 0, 0, Optional.empty(), e instanceof Exception ex ? ex : new IOException(e));
        }
    }

    /** Inference for the batch, then one commit of entries, embeddings and file records together. */
    private void commitBatch(List<Prepared> batch) {
        List<Prepared> ok = new ArrayList<>();
        for (Prepared p : batch) {
            if (p.failure() != null) {
                failed++;
                LOG.warn("skipping {}: {}", p.file().path(), p.failure().getMessage());
            } else {
                ok.add(p);
            }
        }
        if (ok.isEmpty()) {
            return; // failures are not recorded, so there is nothing to commit
        }
        // images needing inference, per model; a content seen twice in the batch is embedded once
        Map<String, Prepared> toInfer = new LinkedHashMap<>();
        for (Prepared p : ok) {
            // an earlier batch may have committed the same content after this file was prepared
            if (p.image() != null && !store.entry(p.sha()).map(this::complete).orElse(false)) {
                toInfer.putIfAbsent(p.sha(), p);
            }
        }
        Map<String, Map<String, float[]>> vectors = new HashMap<>();
        Map<String, Map<String, Float>> tags = new HashMap<>();
        if (!toInfer.isEmpty()) {
            List<String> shas = new ArrayList<>(toInfer.keySet());
            List<DecodedImage> images = toInfer.values().stream().map(Prepared::image).toList();
            long t0 = System.nanoTime();
            for (String model : manifestHashes.keySet()) {
                List<float[]> out = gallery.inference().embedImages(model, images);
                Map<String, float[]> byModel = new HashMap<>();
                for (int i = 0; i < shas.size(); i++) {
                    byModel.put(shas.get(i), out.get(i));
                }
                vectors.put(model, byModel);
            }
            if (tagger.isPresent()) {
                List<TagResult> out = gallery.inference().tag(tagger.get(), images);
                for (int i = 0; i < shas.size(); i++) {
                    tags.put(shas.get(i), keptTags(out.get(i)));
                }
            }
            busyNanos += System.nanoTime() - t0;
        }

        List<Runnable> memoryUpdates = new ArrayList<>();
        for (Prepared p : ok) {
            String key = p.file().key();
            Optional<FileRecord> previous = store.file(key);
            Optional<GalleryEntry> existing = store.entry(p.sha());
            GalleryEntry entry = merge(existing, p, vectors, tags);
            store.putEntry(entry);
            for (String model : manifestHashes.keySet()) {
                float[] v = vectors.getOrDefault(model, Map.of()).get(p.sha());
                if (v != null) {
                    store.putEmbedding(model, p.sha(), manifestHashes.get(model), v);
                    memoryUpdates.add(() -> gallery.rows().get(model).put(p.sha(), v));
                }
            }
            if (existing.isEmpty()) {
                added++;
                memoryUpdates.add(() -> gallery.hashes().put(p.sha(), entry.pHash(), entry.dHash()));
            } else {
                updated++;
            }
            store.putFile(key, new FileRecord(p.file().size(), p.file().mtime(), p.sha()));
            if (previous.isPresent() && !previous.get().sha256().equals(p.sha())) {
                // the file's content changed: the old content loses this path
                detachPath(previous.get().sha256(), p.file().path(), memoryUpdates);
            }
        }
        long generation = store.commit();
        memoryUpdates.forEach(Runnable::run);
        gallery.publish(generation);
    }

    private GalleryEntry merge(Optional<GalleryEntry> existing, Prepared p, Map<String, Map<String, float[]>> vectors,
                               Map<String, Map<String, Float>> tags) {
        Set<Path> paths = new HashSet<>(existing.map(GalleryEntry::paths).orElse(List.of()));
        paths.add(p.file().path());
        Map<String, String> embedded = new LinkedHashMap<>(existing.map(GalleryEntry::embeddings).orElse(Map.of()));
        for (String model : manifestHashes.keySet()) {
            if (vectors.getOrDefault(model, Map.of()).containsKey(p.sha())) {
                embedded.put(model, manifestHashes.get(model));
            }
        }
        Map<String, Float> entryTags = tags.containsKey(p.sha()) ? tags.get(p.sha()) : existing.map(GalleryEntry::tags).orElse(Map.of());
        String taggerId = tags.containsKey(p.sha()) ? tagger.orElse("") : existing.map(GalleryEntry::taggerModel).orElse("");
        Optional<String> source = p.source().isPresent() ? p.source() : existing.flatMap(GalleryEntry::sourceUrl);
        Instant modified = Instant.ofEpochMilli(Math.max(p.file().mtime(), existing.map(e -> e.modified().toEpochMilli()).orElse(0L)));
        if (existing.isPresent() && (p.image() == null || !tags.containsKey(p.sha()) && vectors.values().stream().noneMatch(m -> m.containsKey(p.sha())))) {
            GalleryEntry e = existing.get();
            return new GalleryEntry(e.sha256(), new ArrayList<>(paths), e.byteSize(), modified, e.width(), e.height(), source,
                    e.pHash(), e.dHash(), entryTags, taggerId, embedded);
        }
        return new GalleryEntry(p.sha(), new ArrayList<>(paths), p.file().size(), modified, p.image().width(),
                p.image().height(), source, p.pHash(), p.dHash(), entryTags, taggerId, embedded);
    }

    private Map<String, Float> keptTags(TagResult result) {
        float threshold = gallery.options().tagThreshold();
        Map<String, Float> kept = new LinkedHashMap<>();
        result.scores().stream().filter(s -> s.score() >= threshold)
                .sorted((a, b) -> Float.compare(b.score(), a.score()))
                .forEach((TagScore s) -> kept.put(s.name(), s.score()));
        return kept;
    }

    /** Drops {@code path} from an entry; an entry left without paths leaves the gallery. */
    private void detachPath(String sha, Path path, List<Runnable> memoryUpdates) {
        Optional<GalleryEntry> old = store.entry(sha);
        if (old.isEmpty()) {
            return;
        }
        GalleryEntry e = old.get();
        List<Path> paths = new ArrayList<>(e.paths());
        paths.remove(path);
        if (paths.isEmpty()) {
            store.removeEntry(sha);
            memoryUpdates.add(() -> {
                gallery.rows().values().forEach(r -> r.remove(sha));
                gallery.hashes().remove(sha);
            });
        } else {
            store.putEntry(new GalleryEntry(e.sha256(), paths, e.byteSize(), e.modified(), e.width(), e.height(),
                    e.sourceUrl(), e.pHash(), e.dHash(), e.tags(), e.taggerModel(), e.embeddings()));
        }
    }

    private void removeVanished(Set<String> seen, Set<Path> unreadableRoots, ReindexListener listener) {
        List<String> gone = new ArrayList<>();
        for (String path : store.filePaths()) {
            Path p = Path.of(path);
            if (!seen.contains(path) && unreadableRoots.stream().noneMatch(p::startsWith)) {
                gone.add(path);
            }
        }
        List<Runnable> memoryUpdates = new ArrayList<>();
        for (int i = 0; i < gone.size(); i++) {
            String path = gone.get(i);
            Optional<FileRecord> rec = store.file(path);
            store.removeFile(path);
            rec.ifPresent(r -> detachPath(r.sha256(), Path.of(path), memoryUpdates));
            removed++;
            if ((i + 1) % REMOVALS_PER_COMMIT == 0 || i == gone.size() - 1) {
                long generation = store.commit();
                memoryUpdates.forEach(Runnable::run);
                memoryUpdates.clear();
                gallery.publish(generation);
                listener.onProgress(new ReindexProgress(i + 1, gone.size(), 0, Duration.ZERO, Phase.REMOVING));
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
