package dev.acgbot.models.api;

/** What a model does; decides which calls of {@link Inference} accept its id. */
public enum ModelTask {
    TAGGER("tagger"),
    CLIP_IMAGE("clip-image"),
    CLIP_TEXT("clip-text");

    private final String manifestName;

    ModelTask(String manifestName) {
        this.manifestName = manifestName;
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
        throw new IllegalArgumentException("unknown model task '" + name + "' (expected tagger, clip-image or clip-text)");
    }
}
