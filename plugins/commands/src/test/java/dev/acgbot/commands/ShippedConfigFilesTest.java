package dev.acgbot.commands;

import dev.acgbot.core.config.BotConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration files shipped in config/ load and validate, so documentation and code cannot drift apart. */
class ShippedConfigFilesTest {
    static final Path CONFIG = Path.of("../../config").toAbsolutePath().normalize();

    @Test
    void exampleConfigurationIsValidAndMatchesTheDefaults() {
        BotConfig config = BotConfig.load(CONFIG.resolve("acgbot.example.yaml"));
        VisionSettings settings = VisionSettings.from(config.root(), config.dataDir());
        assertEquals("wd-vit-tagger-v3", settings.taggerModel());
        assertEquals("cn-clip-vit-b-16-image", settings.clipImageModel());
        assertEquals(32, settings.maxBatch());
        assertEquals(4, config.executor().integer("workers", 0));
    }

    @Test
    void knownAnswerConfigurationPointsAtSyntheticModels() {
        BotConfig config = BotConfig.load(CONFIG.resolve("known-answer.yaml"));
        VisionSettings settings = VisionSettings.from(config.root(), config.dataDir());
        assertTrue(settings.clipImageModel().startsWith("synthetic-"));
        assertTrue(settings.clipTextModel().startsWith("synthetic-"));
        assertTrue(settings.taggerModel().startsWith("synthetic-"));
    }
}
