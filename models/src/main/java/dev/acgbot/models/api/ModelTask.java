package dev.acgbot.models.api;

/** What a model does; decides which calls of {@link Inference} accept its id. */
public enum ModelTask {
    TAGGER("tagger"),
    CLIP_IMAGE("clip-image"),
    CLIP_TEXT("clip-text"),
    /**
     * Image features without a text tower (e.g. nsfwjs's global-pool features): image-to-image similarity only,
     * through {@link Inference#embedImages}; never comparable with a CLIP space.
     */
    IMAGE_EMBEDDING("image-embedding");

    private final String manifestName;

    ModelTask(String manifestName) {
        this.manifestName = manifestName;
    }

    /** Whether {@link Inference#embedImages} accepts a model of this task. */
    public boolean embedsImages() {
        return this == CLIP_IMAGE || this == IMAGE_EMBEDDING;
    }

    /** The spelling used in manifests. */
    public String manifestName() {
        return manifestName;
    }

    public static ModelTask fromManifestName(String name) {
        for (ModelTask task : values()) {
            if (task.manifestName.equals(name)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown model task '" + name + "' (expected tagger, clip-image, clip-text or image-embedding)");
    }
}
