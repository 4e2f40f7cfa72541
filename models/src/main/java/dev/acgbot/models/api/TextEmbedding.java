package dev.acgbot.models.api;

/**
 * A text tower's output.
 *
 * @param vector    L2-normalised embedding
 * @param truncated the text was longer than the model's context and was cut
 */
public record TextEmbedding(float[] vector, boolean truncated) {
}
