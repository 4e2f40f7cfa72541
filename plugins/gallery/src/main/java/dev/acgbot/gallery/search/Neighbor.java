package dev.acgbot.gallery.search;

/** One search result: a row of the index and its inner-product score (cosine for unit vectors). */
public record Neighbor(int ordinal, float score) {
}
