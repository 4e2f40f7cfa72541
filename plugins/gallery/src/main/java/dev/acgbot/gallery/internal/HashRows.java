package dev.acgbot.gallery.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Perceptual hashes of every image (writer side), indexed for Hamming search. */
final class HashRows {
    final HammingIndex pHashes = new HammingIndex();
    final HammingIndex dHashes = new HammingIndex();
    final Column<String> shas = new Column<>();
    final Map<String, Integer> rowOf = new HashMap<>();
    final Tombstones dead = new Tombstones();

    void put(String sha, long pHash, long dHash) {
        if (rowOf.containsKey(sha)) {
            return;
        }
        int row = pHashes.add(pHash);
        dHashes.add(dHash);
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
        return new Snapshot(pHashes.reader(), dHashes.reader(), shas.view(), dead.snapshot());
    }

    record Snapshot(HammingIndex.Reader pHashes, HammingIndex.Reader dHashes, Column.View<String> shas,
                    Tombstones.Snapshot dead) {

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

        private void add(Map<String, int[]> out, int row, long pHash, long dHash) {
            if (!dead.deleted(row)) {
                out.putIfAbsent(shas.get(row), new int[]{
                        Long.bitCount(pHashes.hash(row) ^ pHash), Long.bitCount(dHashes.hash(row) ^ dHash)});
            }
        }
    }
}
