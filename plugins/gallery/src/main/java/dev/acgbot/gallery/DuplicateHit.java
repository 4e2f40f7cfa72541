package dev.acgbot.gallery;

/**
 * An exact or near duplicate.
 *
 * @param exact         same bytes (same sha256)
 * @param pHashDistance differing bits of the DCT hashes (0..64)
 * @param dHashDistance differing bits of the difference hashes (0..64)
 */
public record DuplicateHit(GalleryEntry entry, boolean exact, int pHashDistance, int dHashDistance) {
}
