package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.plugin.PluginContext;
import dev.acgbot.commands.internal.VisionCaches;
import dev.acgbot.commands.internal.VisionMeters;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.ModelInfo;
import dev.acgbot.models.api.ModelTask;
import dev.acgbot.models.api.ModelUnavailableException;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TextEmbedding;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.runtime.InferenceRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What the vision commands share, created once per bot and registered in the plugin services: the model
 * runtime, the gallery (opened on first use), the result caches and the image decoder.
 */
public final class VisionServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisionServices.class);

    private final VisionSettings settings;
    private final Inference inference;
    private final VisionCaches caches;
    private final ImageDecoder decoder;
    private Gallery gallery;

    public VisionServices(VisionSettings settings, Inference inference) {
        this.settings = settings;
        this.inference = inference;
        this.caches = new VisionCaches(settings.cache());
        this.decoder = new ImageDecoder(settings.decodeLimits());
    }

    /** The instance shared by all plugins of this bot. */
    public static VisionServices shared(PluginContext context) {
        return context.services().getOrCreate(VisionServices.class, () -> {
            VisionSettings settings = VisionSettings.from(context.rootConfig(), context.botDataDir());
            Optional<MeterRegistry> meters = context.services().find(MeterRegistry.class);
            if (meters.isEmpty()) {
                return create(settings);
            }
            VisionServices vision = new VisionServices(settings, VisionMeters.timed(runtime(settings), meters.get()));
            VisionMeters.bindCaches(meters.get(), vision.caches());
            VisionMeters.bindGallery(meters.get(), vision::openedGallery);
            return vision;
        });
    }

    /** A model runtime configured from the settings, wrapped with caches; for the bot and for command-line tools. */
    public static VisionServices create(VisionSettings settings) {
        return new VisionServices(settings, runtime(settings));
    }

    private static InferenceRuntime runtime(VisionSettings settings) {
        return InferenceRuntime.builder()
                .manifestDirs(settings.manifestDirs())
                .modelDir(settings.modelDir())
                .device(settings.device())
                .maxBatch(settings.maxBatch())
                .maxWait(settings.maxWait())
                .eagerLoad(settings.eagerModels())
                .build();
    }

    public VisionSettings settings() {
        return settings;
    }

    public Inference inference() {
        return inference;
    }

    public VisionCaches caches() {
        return caches;
    }

    /** The gallery, opened on first use with the models that are installed. */
    public synchronized Gallery gallery() {
        if (gallery == null) {
            GalleryOptions options = galleryOptions(settings.galleryFolders());
            gallery = Gallery.open(options, inference);
            LOG.info("gallery opened at {} over {} folder(s), clip {} tagger {}", options.dataDir(),
                    options.folders().size(), options.clipModels(), options.taggerModel().orElse("none"));
        }
        return gallery;
    }

    /** The gallery if something opened it already; health checks and backups must not open it as a side effect. */
    public synchronized Optional<Gallery> openedGallery() {
        return Optional.ofNullable(gallery);
    }

    /**
     * Gallery options from the settings over the given folders, with the configured models that are installed
     * (a missing CLIP model leaves duplicate search working; installing it later re-embeds on the next reindex).
     */
    public GalleryOptions galleryOptions(List<java.nio.file.Path> folders) {
        List<String> clip = isAvailable(settings.clipImageModel()) ? List.of(settings.clipImageModel()) : List.of();
        Optional<String> tagger = settings.tagGallery() && isAvailable(settings.taggerModel())
                ? Optional.of(settings.taggerModel()) : Optional.empty();
        return GalleryOptions.builder()
                .dataDir(settings.galleryDataDir())
                .folders(folders)
                .clipModels(clip)
                .taggerModel(tagger)
                .decodeLimits(settings.decodeLimits())
                .indexMode(settings.indexMode())
                .approximateThreshold(settings.approximateThreshold())
                .batchSize(settings.indexBatchSize())
                .build();
    }

    public boolean isAvailable(String modelId) {
        return inference.model(modelId).map(ModelInfo::available).orElse(false);
    }

    /** Fails with guidance for the user when a model is not configured or its files are missing. */
    public void requireModel(String modelId, ModelTask task, String purpose) {
        Optional<ModelInfo> info = inference.model(modelId);
        if (info.isEmpty() || info.get().task() != task) {
            LOG.warn("model '{}' for {} is not configured as a {} model", modelId, purpose, task.manifestName());
            throw new UserFacingException("The model for " + purpose + " is not set up. An admin can set models."
                    + configKey(task) + " in the configuration.");
        }
        if (!info.get().available()) {
            throw modelMissing(modelId, purpose);
        }
    }

    private static String configKey(ModelTask task) {
        return switch (task) {
            case TAGGER -> "tagger";
            case CLIP_IMAGE -> "clip_image";
            case CLIP_TEXT -> "clip_text";
        };
    }

    static UserFacingException modelMissing(String modelId, String purpose) {
        return new UserFacingException("The model for " + purpose + " (" + modelId + ") is not installed yet. An admin can install it with: ./acgbot models fetch "
                + modelId);
    }

    /** Reads and decodes a posted image; every failure becomes a friendly message. */
    public PostedImage read(Attachment attachment) throws IOException {
        byte[] bytes = attachment.read(settings.decodeLimits().maxBytes());
        try {
            return new PostedImage(attachment.fileName(), sha256(bytes), decoder.decode(bytes));
        } catch (ImageDecodeException e) {
            LOG.info("refused {} ({} bytes): {} — {}", attachment.fileName(), bytes.length, e.reason(), e.getMessage());
            throw new UserFacingException(attachment.fileName() + ": " + e.userMessage());
        }
    }

    public TagResult tag(PostedImage image) {
        String model = settings.taggerModel();
        return caches.tags(new VisionCaches.ImageKey(image.sha256(), model),
                k -> runModel(model, "tagging", () -> inference.tag(model, List.of(image.pixels())).get(0)));
    }

    public float[] embedImage(PostedImage image) {
        String model = settings.clipImageModel();
        return caches.imageEmbedding(new VisionCaches.ImageKey(image.sha256(), model),
                k -> runModel(model, "image search", () -> inference.embedImages(model, List.of(image.pixels())).get(0)));
    }

    public TextEmbedding embedText(String text) {
        String model = settings.clipTextModel();
        return caches.textEmbedding(new VisionCaches.TextKey(VisionCaches.normalise(text), model),
                k -> runModel(model, "text search", () -> inference.embedText(model, text)));
    }

    private interface ModelCall<T> {
        T run();
    }

    private static <T> T runModel(String modelId, String purpose, ModelCall<T> call) {
        try {
            return call.run();
        } catch (ModelUnavailableException e) {
            LOG.warn("model {} unavailable: {}", modelId, e.getMessage());
            throw modelMissing(modelId, purpose);
        } catch (dev.acgbot.models.api.ModelBusyException e) {
            LOG.warn("model {} busy: {}", modelId, e.getMessage());
            throw new UserFacingException("I'm busy with other images right now. Please try again in a moment.");
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public synchronized void close() {
        if (gallery != null) {
            gallery.close();
        }
        inference.close();
    }
}
