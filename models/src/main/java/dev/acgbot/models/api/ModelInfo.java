package dev.acgbot.models.api;

/**
 * What callers may know about a configured model.
 *
 * @param id             model id from its manifest
 * @param task           tagger, clip-image or clip-text
 * @param embeddingSpace for CLIP towers: the id shared by an image tower and the text tower whose vectors
 *                       are comparable; empty for taggers
 * @param dimension      embedding dimension, or the number of labels for a tagger
 * @param manifestHash   sha256 of the manifest and model files' checksums: stored with every embedding so a
 *                       changed model re-embeds instead of mixing two vector spaces
 * @param available      whether the model's files are present and verified
 * @param device         where it runs once loaded ({@code cpu}, {@code gpu:0}), or {@code not loaded}
 */
public record ModelInfo(String id, ModelTask task, String embeddingSpace, int dimension, String manifestHash,
                        boolean available, String device) {
}
