package dev.acgbot.gallery;

/** A similar image with its cosine similarity to the query (higher is closer). */
public record SearchHit(GalleryEntry entry, float score) {
}
