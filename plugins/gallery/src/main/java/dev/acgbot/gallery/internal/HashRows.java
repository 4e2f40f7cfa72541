package dev.acgbot.gallery.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Perceptual hashes of every image (writer side), indexed for Hamming search: pHash and dHash of the whole image
 * and of the image with its uniform margins trimmed ({@link RepostSignature}).
 */
final class HashRows {
    final HammingIndex pHashes = new HammingIndex();
    final HammingIndex dHashes = new HammingIndex();
    final HammingIndex trimmedPHashes = new HammingIndex();
    final HammingIndex trimmedDHashes = new HammingIndex();
    final Column<String> shas = new Column<>();
    final Map<String, Integer> rowOf = new HashMap<>();
    final Tombstones dead = new Tombstones();

    void put(String sha, long pHash, long dHash) {
        put(sha, pHash, dHash, pHash, dHash);
    }

    void put(String sha, long pHash, long dHash, long trimmedPHash, long trimmedDHash) {
        if (rowOf.containsKey(sha)) {
            return;
        }
        int row = pHashes.add(pHash);
        dHashes.add(dHash);
        trimmedPHashes.add(trimmedPHash);
        trimmedDHashes.add(trimmedDHash);
        shas.append(sha);
        rowOf.put(sha, row);
    }

    void remove(String sha) {
        Integer row = rowOf.remove(sha);
        if (row != null) {
            dead.delete(row);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(pHashes.reader(), dHashes.reader(), trimmedPHashes.reader(), trimmedDHashes.reader(),
                shas.view(), dead.snapshot());
    }

    /** A query's four hashes: whole image and trimmed. */
    record Probe(long pHash, long dHash, long trimmedPHash, long trimmedDHash) {
    }

    /**
     * A candidate: the whole-image distances (what schema 1 decided on) and the closest pairing of any query hash
     * pair (whole or trimmed) with any stored pair, p + d.
     */
    record Near(int pHashDistance, int dHashDistance, int closest, int closestDHash) {
    }

    record Snapshot(HammingIndex.Reader pHashes, HammingIndex.Reader dHashes, HammingIndex.Reader trimmedPHashes,
                    HammingIndex.Reader trimmedDHashes, Column.View<String> shas, Tombstones.Snapshot dead) {

        /** sha256 to {pHash distance, dHash distance} of every live image within {@code maxDistance} on either hash. */
        Map<String, int[]> near(long pHash, long dHash, int maxDistance) {
            Map<String, int[]> out = new LinkedHashMap<>();
            for (int row : pHashes.within(pHash, maxDistance)) {
                add(out, row, pHash, dHash);
            }
            for (int row : dHashes.within(dHash, maxDistance)) {
                add(out, row, pHash, dHash);
            }
            return out;
        }

        /**
         * Every live image within {@code maxDistance} of the probe on any of the four hashes, whole or trimmed. A scan
         * of the four hash columns, not the multi-index tables: at the duplicate search's radius of 14 each table
         * probe enumerates 2,788 buckets per hash, and crowded hashes (line art on white) fill them; at 100k images
         * the eight probes of a lookup and its mirror image took 20.6 ms of CPU, the scan about 1 ms
         * (DuplicateLookupScaleTest, docs/benchmarks.md).
         */
        Map<String, Near> near(Probe q, int maxDistance) {
            Map<String, Near> out = new LinkedHashMap<>();
            java.util.BitSet seen = new java.util.BitSet();
            int rows = Math.min(Math.min(pHashes.limit(), dHashes.limit()), Math.min(trimmedPHashes.limit(), trimmedDHashes.limit()));
            for (int row = 0; row < rows; row++) {
                long p = pHashes.hash(row), tp = trimmedPHashes.hash(row);
                boolean close = Math.min(Math.min(dist(q.pHash(), p), dist(q.pHash(), tp)),
                        Math.min(dist(q.trimmedPHash(), p), dist(q.trimmedPHash(), tp))) <= maxDistance;
                if (!close) {
                    long d = dHashes.hash(row), td = trimmedDHashes.hash(row);
                    close = Math.min(Math.min(dist(q.dHash(), d), dist(q.dHash(), td)),
                            Math.min(dist(q.trimmedDHash(), d), dist(q.trimmedDHash(), td))) <= maxDistance;
                }
                if (close) {
                    add(out, seen, row, q);
                }
            }
            return out;
        }

        private void add(Map<String, Near> out, java.util.BitSet seen, int row, Probe q) {
            if (seen.get(row) || dead.deleted(row)) {
                return;
            }
            seen.set(row);
            long p = pHashes.hash(row), d = dHashes.hash(row), tp = trimmedPHashes.hash(row), td = trimmedDHashes.hash(row);
            int closest = Math.min(Math.min(dist(q.pHash(), p) + dist(q.dHash(), d), dist(q.trimmedPHash(), tp) + dist(q.trimmedDHash(), td)),
                    Math.min(dist(q.pHash(), tp) + dist(q.dHash(), td), dist(q.trimmedPHash(), p) + dist(q.trimmedDHash(), d)));
            int closestD = Math.min(Math.min(dist(q.dHash(), d), dist(q.trimmedDHash(), td)), Math.min(dist(q.dHash(), td), dist(q.trimmedDHash(), d)));
            out.put(shas.get(row), new Near(dist(q.pHash(), p), dist(q.dHash(), d), closest, closestD));
        }

        private static int dist(long a, long b) {
            return Long.bitCount(a ^ b);
        }

        private void add(Map<String, int[]> out, int row, long pHash, long dHash) {
            if (!dead.deleted(row)) {
                out.putIfAbsent(shas.get(row), new int[]{
                        Long.bitCount(pHashes.hash(row) ^ pHash), Long.bitCount(dHashes.hash(row) ^ dHash)});
            }
        }
    }
}
