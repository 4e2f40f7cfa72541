package dev.acgbot.commands;

import dev.acgbot.commands.settings.GallerySettings;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.gallery.rating.RatingClassifier;
import dev.acgbot.models.api.Inference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The gallery, opened on first use with the configured models that are installed, and closed with the plugin. */
public final class VisionGallery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisionGallery.class);

    private final GallerySettings settings;
    private final ModelsSettings models;
    private final Path botDataDir;
    private final Inference inference;
    private final ModelAvailability availability;
    private final SafetySettings safety;
    private Gallery gallery;

    public VisionGallery(GallerySettings settings, ModelsSettings models, Path botDataDir, Inference inference,
                         ModelAvailability availability, SafetySettings safety) {
        this.settings = settings;
        this.safety = safety;
        this.models = models;
        this.botDataDir = botDataDir;
        this.inference = inference;
        this.availability = availability;
    }

    public GallerySettings settings() {
        return settings;
    }

    /** The gallery if something opened it already; health checks, metrics and backups must not open it as a side effect. */
    public synchronized Optional<Gallery> opened() {
        return Optional.ofNullable(gallery);
    }

    public synchronized Gallery get() {
        if (gallery == null) {
            GalleryOptions options = options(settings.folders());
            gallery = Gallery.open(options, inference);
            LOG.info("gallery opened at {} over {} folder(s), clip {} tagger {} rating classifier {}", options.dataDir(),
                    options.folders().size(), options.clipModels(), options.taggerModel().orElse("none"),
                    options.classifier().map(RatingClassifier::modelId).orElse("none"));
        }
        return gallery;
    }

    /**
     * Gallery options over the given folders, with the configured models that are installed (a missing CLIP model
     * leaves duplicate search working, or the image-embedding model's vectors when one is set; installing CLIP
     * later re-embeds on the next reindex). A rating classifier, when installed, rates next to the tagger.
     */
    public GalleryOptions options(List<Path> folders) {
        List<String> clip = models.similarModel(availability::isAvailable).stream().toList();
        Optional<String> tagger = settings.tagImages() && availability.isAvailable(models.tagger())
                ? Optional.of(models.tagger()) : Optional.empty();
        return GalleryOptions.builder()
                .dataDir(settings.dataDirOr(botDataDir))
                .folders(folders)
                .clipModels(clip)
                .taggerModel(tagger)
                .decodeLimits(settings.decodeLimits())
                .indexMode(settings.index())
                .approximateThreshold(settings.approximateThreshold())
                .batchSize(settings.batchSize())
                .rerankDepth(settings.rerankDepth())
                .vectorPrecision(settings.vectorPrecision())
                .ratingRule(safety.rule())
                .classifier(models.ratingClassifier(availability::isAvailable).map(id -> safety.classifier().rule(id)))
                .build();
    }

    @Override
    public synchronized void close() {
        if (gallery != null) {
            gallery.close();
            gallery = null;
        }
    }
}
