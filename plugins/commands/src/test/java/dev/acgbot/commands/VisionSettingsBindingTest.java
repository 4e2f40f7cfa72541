package dev.acgbot.commands;

import dev.acgbot.commands.plugin.VisionPlugin;
import dev.acgbot.api.config.DataSize;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.commands.settings.CacheSettings;
import dev.acgbot.commands.settings.GallerySettings;
import dev.acgbot.commands.settings.ModelsSettings;
import dev.acgbot.commands.settings.VisionSettings;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.gallery.IndexMode;
import dev.acgbot.gallery.VectorPrecision;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The vision plugin's sections as the core binds them at start: the core knows none of their keys, yet a typo or a
 * wrong type in any of them stops the bot before the plugin starts (so no model is loaded), naming the full key.
 */
class VisionSettingsBindingTest {

    private static String startError(String yaml) {
        return assertThrows(ConfigException.class,
                () -> BotRuntime.start(BotConfig.parse(yaml), List.of(new VisionPlugin()), List.of()).close()).getMessage();
    }

    @Test
    void eachSectionRejectsAnUnknownKeyWithTheNearestKnownOne() {
        assertEquals("gallery.folder: unknown key (did you mean 'folders'?)", startError("gallery:\n  folder: /srv/art\n"));
        assertEquals("models.clip_img: unknown key (did you mean 'clip_image'?)", startError("models:\n  clip_img: x\n"));
        assertEquals("cache.tag: unknown key (did you mean 'tags'?)", startError("cache:\n  tag: 5\n"));
        assertEquals("plugins.vision.tag.general_treshold: unknown key (did you mean 'general_threshold'?)",
                startError("plugins:\n  vision:\n    tag:\n      general_treshold: 0.5\n"));
        assertEquals("plugins.vision.serach: unknown key (did you mean 'search'?)", startError("plugins:\n  vision:\n    serach: {}\n"));
        assertEquals("plugins.visoin: unknown plugin (did you mean 'vision'?)", startError("plugins:\n  visoin:\n    enabled: false\n"));
        assertEquals("galery: unknown top-level key (did you mean 'gallery'?)", startError("galery:\n  folders: []\n"));
    }

    @Test
    void theSectionsOfTheFormerPerCommandPluginsSayWhereTheirKeysWent() {
        assertEquals("plugins.tag.general_threshold: moved to plugins.vision.tag.general_threshold (all of plugins.tag is now under plugins.vision.tag)",
                startError("plugins:\n  tag:\n    general_threshold: 0.5\n"));
        assertEquals("plugins.admin.progress_interval: moved to plugins.vision.reindex.progress_interval (all of plugins.admin is now under plugins.vision.reindex)",
                startError("plugins:\n  admin:\n    progress_interval: 3s\n"));
        assertEquals("plugins.search.enabled: this section moved to plugins.vision.search, which has no switch of its own;"
                + " plugins.vision.enabled switches the whole plugin", startError("plugins:\n  search:\n    enabled: false\n"));
        assertEquals("plugins.similar: moved to plugins.vision.similar", startError("plugins:\n  similar: {}\n"));
    }

    @Test
    void eachSectionRejectsAWrongType() {
        assertEquals("gallery.batch_size: expected a whole number, got 'big'", startError("gallery:\n  batch_size: big\n"));
        assertEquals("gallery.max_image_bytes: expected a size such as 20MB or 512KB, got 'huge'", startError("gallery:\n  max_image_bytes: huge\n"));
        assertEquals("gallery.index: expected one of auto, exact, approximate, got 'fast'", startError("gallery:\n  index: fast\n"));
        assertEquals("gallery.vector_precision: expected one of auto, int8, int4, got 'int2'",
                startError("gallery:\n  vector_precision: int2\n"));
        assertEquals("models.max_wait: expected a duration such as 30s, 5m or 500ms, got 'soon'", startError("models:\n  max_wait: soon\n"));
        assertEquals("models.device: expected auto, cpu, gpu or gpu:N, got 'tpu'", startError("models:\n  device: tpu\n"));
        assertEquals("cache.expire_after_access: expected a duration such as 30s, 5m or 500ms, got 'never'",
                startError("cache:\n  expire_after_access: never\n"));
        assertEquals("plugins.vision.similar.default_k: must be between 1 and max_k (20)",
                startError("plugins:\n  vision:\n    similar:\n      default_k: 30\n"));
        assertEquals("plugins.vision.tag.general_threshold: must be between 0 and 1",
                startError("plugins:\n  vision:\n    tag:\n      general_threshold: 2\n"));
        assertEquals("plugins.vision.enabled: expected true or false, got 'maybe'", startError("plugins:\n  vision:\n    enabled: maybe\n"));
    }

    @Test
    void aMemoryBudgetTooSmallForTheConfiguredModelsStopsTheStartSayingWhatFits() {
        // the default models' manifests give their sizes (379, 349 and 411 MB, decimal), so this needs no model files
        assertEquals("models.memory_budget: 1.5 GB is too small for the configured models (wd-vit-tagger-v3 379 MB "
                        + "weights + 79 MB per image/text, cn-clip-vit-b-16-image 349 MB weights + 14 MB per image/text, "
                        + "cn-clip-vit-b-16-text 411 MB weights + 3 MB per image/text; the heap takes 384 MB and the runtime "
                        + "about 250 MB). They need at least 1.9 GB: raise memory_budget, or configure only "
                        + "cn-clip-vit-b-16-image and cn-clip-vit-b-16-text, which fit in 1.5 GB.",
                startError("models:\n  memory_budget: 1.5g\n"));
        assertEquals("models.memory_budget: expected auto or a size such as 2g or 1500m, got 'lots'",
                startError("models:\n  memory_budget: lots\n"));
        assertEquals("models.unload_idle: expected a duration such as 30s, 5m or 500ms, got 'later'",
                startError("models:\n  unload_idle: later\n"));
    }

    @Test
    void keysLeftOutKeepTheRecordDefaultsAndGivenOnesBindTyped() {
        BotConfig config = BotConfig.parse("""
                gallery:
                  folders: art
                  index: Exact
                  max_image_bytes: 10MB
                  vector_precision: int4
                plugins:
                  vision:
                    similar:
                      max_k: 30
                """, java.util.Map.of(), Path.of("/srv/bot"));
        GallerySettings gallery = config.section(GallerySettings.SECTION);
        assertEquals(new GallerySettings(List.of(Path.of("/srv/bot/art")), null, IndexMode.EXACT, 50_000, 32, true,
                DataSize.ofMegabytes(10), 40_000_000L, 0, VectorPrecision.INT4), gallery);
        assertEquals(Path.of("/srv/bot/data/gallery"), gallery.dataDirOr(config.dataDir()));
        assertEquals(new VisionSettings.Similar(6, 30, 8), config.section(VisionSettings.SECTION).similar());
        assertEquals(ModelsSettings.DEFAULTS, config.section(ModelsSettings.SECTION));
        assertEquals(CacheSettings.DEFAULTS, config.section(CacheSettings.SECTION));
        assertEquals(Duration.ofHours(24), config.section(CacheSettings.SECTION).expireAfterAccess());
    }
}
