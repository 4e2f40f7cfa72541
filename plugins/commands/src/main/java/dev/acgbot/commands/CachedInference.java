package dev.acgbot.commands;

import dev.acgbot.commands.internal.VisionCaches;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelBusyException;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The configured models behind the result caches: the same image or text asked twice is answered from memory.
 * Model failures become the user's words here, in one place.
 */
public final class CachedInference {
    private static final Logger LOG = LoggerFactory.getLogger(CachedInference.class);

    private final ModelsSettings models;
    private final Inference inference;
    private final ModelAvailability availability;
    private final VisionCaches caches;

    public CachedInference(ModelsSettings models, Inference inference, ModelAvailability availability, VisionCaches caches) {
        this.models = models;
        this.inference = inference;
        this.availability = availability;
        this.caches = caches;
    }

    public ModelsSettings models() {
        return models;
    }

    public VisionCaches caches() {
        return caches;
    }

    public TagResult tag(PostedImage image) {
        String model = models.tagger();
        return caches.tags(new VisionCaches.ImageKey(image.sha256(), model),
                k -> run(model, "purpose.tagging", () -> inference.tag(model, List.of(image.pixels())).get(0)));
    }

    public float[] embedImage(PostedImage image) {
        return embedImage(image, models.clipImage());
    }

    /** The image's vector from {@code model} (a CLIP image tower or an image-embedding model). */
    public float[] embedImage(PostedImage image, String model) {
        return caches.imageEmbedding(new VisionCaches.ImageKey(image.sha256(), model),
                k -> run(model, "purpose.image_search", () -> inference.embedImages(model, List.of(image.pixels())).get(0)));
    }

    /**
     * The rating classifier's scores for a posted image when one is set and installed; cached by content hash
     * with the tags (the key names the model), so an image is classified once.
     */
    public Optional<TagResult> classify(PostedImage image) {
        return models.ratingClassifier(availability::isAvailable).map(model -> caches.tags(
                new VisionCaches.ImageKey(image.sha256(), model),
                k -> run(model, "purpose.rating", () -> inference.tag(model, List.of(image.pixels())).get(0))));
    }

    public TextEmbedding embedText(String text) {
        String model = models.clipText();
        return caches.textEmbedding(new VisionCaches.TextKey(VisionCaches.normalise(text), model),
                k -> run(model, "purpose.text_search", () -> inference.embedText(model, text)));
    }

    private <T> T run(String modelId, String purpose, Supplier<T> call) {
        try {
            return call.get();
        } catch (ModelUnavailableException e) {
            LOG.warn("model {} unavailable: {}", modelId, e.getMessage());
            availability.forget(modelId);
            throw ModelAvailability.missing(modelId, purpose);
        } catch (ModelBusyException e) {
            LOG.warn("model {} busy: {}", modelId, e.getMessage());
            throw VisionMessages.refusal("model.busy");
        }
    }
}
