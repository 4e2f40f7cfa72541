package dev.acgbot.models.fetch;

import dev.acgbot.models.hash.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * sha256 of local model files, remembered per path, size and modification time so a 300 MB graph is hashed
 * once per process, not on every {@code models list}.
 */
public final class FileChecksums {
    private static final Map<Path, Entry> CACHE = new ConcurrentHashMap<>();

    private record Entry(long size, long modified, String sha256) {
    }

    private FileChecksums() {
    }

    public static String sha256(Path file) {
        try {
            Path key = file.toAbsolutePath().normalize();
            long size = Files.size(key);
            long modified = Files.getLastModifiedTime(key).toMillis();
            Entry e = CACHE.get(key);
            if (e != null && e.size == size && e.modified == modified) {
                return e.sha256;
            }
            String sum = compute(key);
            CACHE.put(key, new Entry(size, modified, sum));
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String compute(Path file) throws IOException {
        return Sha256.hex(file);
    }
}
