package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The one rule for whether a model can be used, so that commands do not look at the model files on disk for
 * every request: an installed model stays installed (its files were verified; if they vanish, inference fails
 * with {@link dev.acgbot.models.api.ModelUnavailableException} and {@link #forget} drops the answer), and a
 * missing one is looked at again at most every {@link #RECHECK_MISSING}, so a model fetched while the bot runs
 * is picked up without a restart.
 */
public final class ModelAvailability {
    private static final Logger LOG = LoggerFactory.getLogger(ModelAvailability.class);
    static final Duration RECHECK_MISSING = Duration.ofSeconds(30);

    private record Known(Optional<ModelInfo> info, long checkedAtNanos) {
        boolean available() {
            return info.map(ModelInfo::available).orElse(false);
        }
    }

    private final Inference inference;
    private final LongSupplier nanoClock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public ModelAvailability(Inference inference) {
        this(inference, System::nanoTime);
    }

    ModelAvailability(Inference inference, LongSupplier nanoClock) {
        this.inference = inference;
        this.nanoClock = nanoClock;
    }

    public boolean isAvailable(String modelId) {
        return lookUp(modelId).available();
    }

    private Known lookUp(String modelId) {
        long now = nanoClock.getAsLong();
        Known k = known.get(modelId);
        if (k != null && (k.available() || now - k.checkedAtNanos() < RECHECK_MISSING.toNanos())) {
            return k;
        }
        // ModelInfo verifies the files (sizes, the labels file, a manifest hash): worth doing once, not per request
        Known fresh = new Known(inference.model(modelId), now);
        if (k == null || k.available() != fresh.available()) {
            LOG.info("model {} is {}", modelId, fresh.available() ? "installed" : "not installed");
        }
        known.put(modelId, fresh);
        return fresh;
    }

    /** Drops what is known about a model, after inference found its files missing. */
    public void forget(String modelId) {
        known.remove(modelId);
    }

    /**
     * Fails with guidance for the user when a model is not configured for {@code task} or not installed.
     *
     * @param purpose a {@code purpose.*} key of the plugin's bundle: what the model is needed for
     */
    public void require(String modelId, ModelTask task, String purpose) {
        Known k = lookUp(modelId);
        Optional<ModelInfo> info = k.info();
        if (info.isEmpty() || info.get().task() != task) {
            LOG.warn("model '{}' for {} is not configured as a {} model", modelId, purpose, task.manifestName());
            throw new UserFacingException(language -> VisionMessages.format(language, "model.not_set_up",
                    VisionMessages.format(language, purpose), configKey(task)));
        }
        if (!k.available()) {
            throw missing(modelId, purpose);
        }
    }

    static UserFacingException missing(String modelId, String purpose) {
        return new UserFacingException(language -> VisionMessages.format(language, "model.not_installed",
                VisionMessages.format(language, purpose), modelId));
    }

    private static String configKey(ModelTask task) {
        return switch (task) {
            case TAGGER -> "tagger";
            case CLIP_IMAGE -> "clip_image";
            case CLIP_TEXT -> "clip_text";
            case IMAGE_EMBEDDING -> "image_embedding";
        };
    }
}
