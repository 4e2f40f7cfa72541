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
 * @param inputSide      for image models: the longer side of the input tensor in pixels (what a caller
 *                       needs to keep of an image before handing it over); 0 for text models
 */
public record ModelInfo(String id, ModelTask task, String embeddingSpace, int dimension, String manifestHash,
                        boolean available, String device, int inputSide) {

    /** A model whose input size is not known (text towers, test doubles). */
    public ModelInfo(String id, ModelTask task, String embeddingSpace, int dimension, String manifestHash,
                     boolean available, String device) {
        this(id, task, embeddingSpace, dimension, manifestHash, available, device, 0);
    }
}
