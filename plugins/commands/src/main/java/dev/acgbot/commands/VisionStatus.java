package dev.acgbot.commands;

import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.models.api.Inference;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the running vision plugin tells the operator's endpoints (health, the control socket's backup),
 * registered in the bot's services. It never opens the gallery as a side effect of being asked.
 */
public final class VisionStatus {
    private final VisionGallery gallery;
    private final ModelsSettings models;
    private final Inference inference;

    public VisionStatus(VisionGallery gallery, ModelsSettings models, Inference inference) {
        this.gallery = gallery;
        this.models = models;
        this.inference = inference;
    }

    /** "open" once a command or a reindex opened the store, else "not opened yet". */
    public String store() {
        return gallery.opened().isPresent() ? "open" : "not opened yet";
    }

    /** The configured models and where each runs ("not installed", "not configured"). */
    public Map<String, String> models() {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String id : List.of(models.tagger(), models.clipImage(), models.clipText())) {
            byId.put(id, inference.model(id).map(i -> i.available() ? i.device() : "not installed").orElse("not configured"));
        }
        return byId;
    }

    /** A consistent copy of the gallery store into {@code target}; returns the bytes written. */
    public long backup(Path target, Duration wait) throws IOException {
        return gallery.get().backup(target, wait);
    }
}
