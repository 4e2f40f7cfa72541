package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.EmbeddingEncoding;
import dev.acgbot.gallery.GalleryEntry;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The gallery's MapDB file: entries by sha256, file records by path, one embedding map per CLIP model. Writes
 * are grouped by {@link #commit()}, which also advances the generation; MapDB's write-ahead log makes a
 * commit all-or-nothing across a crash. One writer at a time (the indexer); reads may run concurrently.
 */
public final class GalleryStore implements AutoCloseable {
    /** Version written by this code. */
    public static final int SCHEMA_VERSION = 4;
    /** The store's own upgrades; callers' migrations are tried first. */
    private static final List<SchemaMigration> BUILT_IN = List.of(new RepostSignatureMigration(), new SmallDrawingMigration());
    private static final Logger LOG = LoggerFactory.getLogger(GalleryStore.class);
    private static final String SCHEMA_KEY = "schemaVersion";
    private static final String GENERATION_KEY = "generation";

    private final DB db;
    private final Path file;
    private final HTreeMap<String, String> meta;
    private final HTreeMap<String, byte[]> entries;
    private final HTreeMap<String, byte[]> files;
    private final HTreeMap<String, byte[]> failures;
    private final HTreeMap<String, byte[]> signatures;
    private final Map<String, HTreeMap<String, byte[]>> embeddings = new ConcurrentHashMap<>();
    private final EmbeddingEncoding encoding;

    private GalleryStore(DB db, Path file, EmbeddingEncoding encoding) {
        this.db = db;
        this.file = file;
        this.encoding = encoding;
        this.meta = db.hashMap("meta", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.entries = db.hashMap("entries", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        this.files = db.hashMap("files", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        // added after schema 1 without a version bump: an older store simply has no failures yet
        this.failures = db.hashMap("failures", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        // schema 3 (RepostSignatureMigration): what the duplicate search keeps besides the entry's two hashes
        this.signatures = db.hashMap(RepostSignatureMigration.MAP, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
    }

    public static GalleryStore open(Path file, EmbeddingEncoding encoding) {
        return open(file, encoding, List.of());
    }

    /**
     * Opens or creates the store and runs {@code migrations} in order up to {@link #SCHEMA_VERSION}.
     *
     * @throws IllegalStateException when the file was written by a newer schema or a migration is missing
     */
    public static GalleryStore open(Path file, EmbeddingEncoding encoding, List<SchemaMigration> migrations) {
        return open(file, encoding, migrations, false);
    }

    /**
     * @param mmap memory-map the file instead of FileChannel I/O. MapDB unmaps through
     *             {@code sun.misc.Unsafe.invokeCleaner} (jdk.unsupported), which works without warnings on
     *             Java 21 to 25; should a later JDK drop it, mappings would only live until GC. StoreBench
     *             measured commits 1.4x and loading all embeddings 4x faster (docs/benchmarks.md).
     */
    public static GalleryStore open(Path file, EmbeddingEncoding encoding, List<SchemaMigration> migrations, boolean mmap) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DBMaker.Maker maker = DBMaker.fileDB(file.toFile()).transactionEnable().closeOnJvmShutdown();
        DB db = (mmap ? maker.fileMmapEnableIfSupported() : maker.fileChannelEnable()).make();
        GalleryStore store = new GalleryStore(db, file, encoding);
        try {
            store.migrate(migrations);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return store;
    }

    private void migrate(List<SchemaMigration> migrations) {
        String stored = meta.get(SCHEMA_KEY);
        if (stored == null) {
            meta.put(SCHEMA_KEY, Integer.toString(SCHEMA_VERSION));
            meta.put(GENERATION_KEY, "0");
            db.commit();
            return;
        }
        int version = Integer.parseInt(stored);
        if (version > SCHEMA_VERSION) {
            throw new IllegalStateException("gallery store " + file + " has schema " + version
                    + ", newer than this version of acgbot understands (" + SCHEMA_VERSION + ")");
        }
        List<SchemaMigration> sorted = new ArrayList<>(migrations);
        sorted.addAll(BUILT_IN);
        sorted.sort(Comparator.comparingInt(SchemaMigration::fromVersion));
        while (version < SCHEMA_VERSION) {
            int from = version;
            SchemaMigration step = sorted.stream().filter(m -> m.fromVersion() == from).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no migration of gallery store from schema " + from));
            LOG.info("migrating gallery store {} from schema {} to {}", file, from, from + 1);
            step.migrate(db);
            version = from + 1;
            meta.put(SCHEMA_KEY, Integer.toString(version));
            db.commit();
        }
    }

    /** Low-level access for migrations and tests. */
    public DB db() {
        return db;
    }

    public int schemaVersion() {
        return Integer.parseInt(meta.get(SCHEMA_KEY));
    }

    /** Advances with every {@link #commit()}; survives restarts. */
    public long generation() {
        return Long.parseLong(meta.getOrDefault(GENERATION_KEY, "0"));
    }

    /** Makes every write since the last commit durable at once and returns the new generation. */
    public long commit() {
        long next = generation() + 1;
        meta.put(GENERATION_KEY, Long.toString(next));
        db.commit();
        return next;
    }

    /** Drops every write since the last commit. */
    public void rollback() {
        db.rollback();
    }

    public Optional<GalleryEntry> entry(String sha256) {
        byte[] b = entries.get(sha256);
        return b == null ? Optional.empty() : Optional.of(EntryCodec.decodeEntry(b));
    }

    public void putEntry(GalleryEntry entry) {
        entries.put(entry.sha256(), EntryCodec.encode(entry));
    }

    /**
     * The signature, in the current format or format 2 (without crop windows: the verifier still uses it until the next
     * reindex signs again); none for an older one.
     */
    Optional<RepostSignature> signature(String sha256) {
        byte[] b = signatures.get(sha256);
        return b == null || !RepostSignature.readable(b) ? Optional.empty() : Optional.of(RepostSignature.decode(b));
    }

    /** Whether the signature is in the current format: otherwise the next reindex reads the file again to sign it. */
    boolean hasSignature(String sha256) {
        byte[] b = signatures.get(sha256);
        return b != null && RepostSignature.current(b);
    }

    void putSignature(String sha256, RepostSignature signature) {
        signatures.put(sha256, signature.encode());
    }

    void forEachSignature(BiConsumer<String, RepostSignature> action) {
        for (Map.Entry<String, byte[]> e : signatures.getEntries()) {
            if (RepostSignature.readable(e.getValue())) {
                action.accept(e.getKey(), RepostSignature.decode(e.getValue()));
            }
        }
    }

    /** Removes the entry, its repost signature and every embedding of it. */
    public void removeEntry(String sha256) {
        entries.remove(sha256);
        signatures.remove(sha256);
        for (String model : embeddingModels()) {
            embeddingMap(model).remove(sha256);
        }
    }

    public int entryCount() {
        return entries.size();
    }

    public void forEachEntry(BiConsumer<String, GalleryEntry> action) {
        for (Map.Entry<String, byte[]> e : entries.getEntries()) {
            action.accept(e.getKey(), EntryCodec.decodeEntry(e.getValue()));
        }
    }

    public Optional<FileRecord> file(String path) {
        byte[] b = files.get(path);
        return b == null ? Optional.empty() : Optional.of(EntryCodec.decodeFile(b));
    }

    public void putFile(String path, FileRecord record) {
        files.put(path, EntryCodec.encode(record));
    }

    public void removeFile(String path) {
        files.remove(path);
    }

    /** Why a path failed last time, and at which size and mtime. */
    public Optional<FailureRecord> failure(String path) {
        byte[] b = failures.get(path);
        return b == null ? Optional.empty() : Optional.of(EntryCodec.decodeFailure(b));
    }

    public void putFailure(String path, FailureRecord record) {
        failures.put(path, EntryCodec.encode(record));
    }

    public void removeFailure(String path) {
        failures.remove(path);
    }

    public List<String> failurePaths() {
        return new ArrayList<>(failures.getKeys());
    }

    public List<String> filePaths() {
        return new ArrayList<>(files.getKeys());
    }

    public int fileCount() {
        return files.size();
    }

    public void putEmbedding(String modelId, String sha256, String manifestHash, float[] vector) {
        embeddingMap(modelId).put(sha256, EmbeddingCodec.encode(manifestHash, vector, encoding));
    }

    public Optional<EmbeddingCodec.Stored> embedding(String modelId, String sha256) {
        byte[] b = embeddingMap(modelId).get(sha256);
        return b == null ? Optional.empty() : Optional.of(EmbeddingCodec.decode(b));
    }

    public void removeEmbedding(String modelId, String sha256) {
        embeddingMap(modelId).remove(sha256);
    }

    /** Every stored embedding of a model whose manifest hash matches; others belong to an older model. */
    public void forEachEmbedding(String modelId, String manifestHash, BiConsumer<String, float[]> action) {
        for (Map.Entry<String, byte[]> e : embeddingMap(modelId).getEntries()) {
            if (manifestHash.equals(EmbeddingCodec.manifestHash(e.getValue()))) {
                action.accept(e.getKey(), EmbeddingCodec.decode(e.getValue()).vector());
            }
        }
    }

    public int embeddingCount(String modelId) {
        return embeddingMap(modelId).size();
    }

    /** Model ids with an embedding map in this store. */
    public List<String> embeddingModels() {
        List<String> out = new ArrayList<>();
        for (String name : db.getAllNames()) {
            if (name.startsWith("emb.")) {
                out.add(name.substring(4));
            }
        }
        return out;
    }

    private HTreeMap<String, byte[]> embeddingMap(String modelId) {
        return embeddings.computeIfAbsent(modelId,
                id -> db.hashMap("emb." + id, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen());
    }

    public long fileBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }
}
