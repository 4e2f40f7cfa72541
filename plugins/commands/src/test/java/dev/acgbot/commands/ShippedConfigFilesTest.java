package dev.acgbot.commands;

import dev.acgbot.commands.plugin.VisionPlugin;
import dev.acgbot.commands.settings.GallerySettings;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.commands.settings.VisionSettings;
import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The known-answer configuration in config/ binds, and its relative paths point where they should from any working directory. */
class ShippedConfigFilesTest {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void knownAnswerConfigurationPointsAtSyntheticModelsAndTheRepositorysGallery() {
        BotConfig config = BotConfig.load(REPO.resolve("config/known-answer.yaml"), Map.of());
        config.requireKnownTopLevel(new VisionPlugin().settings());
        ModelsSettings models = config.section(ModelsSettings.SECTION);
        assertEquals(List.of("synthetic-wd-vit-tagger-v3", "synthetic-colour-clip-image", "synthetic-colour-clip-text"),
                List.of(models.tagger(), models.clipImage(), models.clipText()));
        assertEquals(List.of(REPO.resolve("models/synthetic")), models.manifestsDir());
        assertTrue(Files.isDirectory(models.manifestsDir().get(0)));
        GallerySettings gallery = config.section(GallerySettings.SECTION);
        assertEquals(List.of(REPO.resolve("plugins/commands/known-answer/gallery")), gallery.folders());
        assertTrue(Files.isDirectory(gallery.folders().get(0)));
        assertEquals(REPO.resolve("data/known-answer"), config.dataDir());
        VisionSettings vision = config.section(VisionSettings.SECTION);
        assertEquals(List.of("红", "蓝", "绿", "樱花", "黄"), vision.tag().keywords());
        assertEquals(Duration.ofSeconds(1), vision.reindex().progressInterval());
    }
}
