package dev.acgbot.models.api;

import dev.acgbot.models.image.DecodedImage;

import java.util.List;
import java.util.Optional;

/**
 * The inference API the commands and the gallery index call. Thread-safe; concurrent calls for the same
 * model are micro-batched. Every method throws {@link ModelUnavailableException} when the model's files are
 * missing (its message says how to fetch them) and {@link IllegalArgumentException} when the id names a
 * model of another task.
 */
public interface Inference extends AutoCloseable {

    /** Every configured model, loaded or not. */
    List<ModelInfo> models();

    Optional<ModelInfo> model(String id);

    /** Scores every label of a tagger for each image, in input order. */
    List<TagResult> tag(String modelId, List<DecodedImage> images);

    /** L2-normalised image embeddings from a CLIP image tower or an image-embedding model, in input order. */
    List<float[]> embedImages(String modelId, List<DecodedImage> images);

    /** L2-normalised text embedding from a CLIP text tower; over-long text is truncated, never rejected. */
    TextEmbedding embedText(String modelId, String text);

    /**
     * The last {@code acgbot models check} verdict of a model when it failed, for the pipeline its manifest
     * describes now. Indexing ({@code acgbot index}, {@code /reindex}) refuses such a model unless the operator
     * overrides; {@link dev.acgbot.models.api.CheckVerdict#reason()} says what failed. Empty when the model
     * passed, was never checked, or its manifest changed since the check.
     */
    default Optional<dev.acgbot.models.api.CheckVerdict> failedCheck(String modelId) {
        return Optional.empty();
    }

    /**
     * Running totals of the engine's work (preprocessing and batch runs per model, and the time any model was
     * running), to measure a stretch of work by subtracting two of them; empty for an engine that does not keep
     * them (test fakes, remote engines).
     */
    default Optional<EngineActivity> activity() {
        return Optional.empty();
    }

    @Override
    void close();
}
