package dev.acgbot.gallery.internal;

/** A change to the gallery's in-memory rows, applied after the store commit that made it durable. */
sealed interface MemoryChange {
    record Vector(String modelId, String sha, float[] vector) implements MemoryChange {
    }

    /**
     * @param windows the crop windows' pHashes ({@link CropWindows}); empty when the signature has none
     * @param colour  the signature's RGB grid ({@link ColourRows})
     */
    record Hashes(String sha, long pHash, long dHash, long trimmedPHash, long trimmedDHash, long[] windows, byte[] colour)
            implements MemoryChange {
    }

    /** The content left the gallery: its vectors and hashes go. */
    record Gone(String sha) implements MemoryChange {
    }
}
