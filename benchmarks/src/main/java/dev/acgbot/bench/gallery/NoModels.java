package dev.acgbot.bench.gallery;

import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.image.DecodedImage;

import java.util.List;
import java.util.Optional;

/** An inference with no models: a gallery opened with it indexes files and perceptual hashes only. */
final class NoModels implements Inference {
    @Override
    public List<ModelInfo> models() {
        return List.of();
    }

    @Override
    public Optional<ModelInfo> model(String id) {
        return Optional.empty();
    }

    @Override
    public List<TagResult> tag(String modelId, List<DecodedImage> images) {
        throw new ModelUnavailableException(modelId, "no models in the duplicate evaluation");
    }

    @Override
    public List<float[]> embedImages(String modelId, List<DecodedImage> images) {
        throw new ModelUnavailableException(modelId, "no models in the duplicate evaluation");
    }

    @Override
    public TextEmbedding embedText(String modelId, String text) {
        throw new ModelUnavailableException(modelId, "no models in the duplicate evaluation");
    }

    @Override
    public void close() {
    }
}
