package dev.acgbot.commands.settings;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.commands.prompt.PromptStyle;
import dev.acgbot.commands.prompt.TagBlacklist;

import java.time.Duration;
import java.util.List;

/** {@code plugins.vision:} the settings of each vision command. */
public record VisionSettings(Tag tag, Similar similar, Search search, Reindex reindex) {
    public static final VisionSettings DEFAULTS = new VisionSettings(new Tag(0.35, 0.85, List.of(), 10, List.of(), PromptStyle.PROMPT, PromptStyle.CAPTION), new Similar(6, 20, 8),
            new Search(6, 20, 0.2), new Reindex(Duration.ofSeconds(3)));
    public static final SettingsSection<VisionSettings> SECTION = new SettingsSection<>("plugins.vision", VisionSettings.class, DEFAULTS);

    /**
     * /tag.
     *
     * @param generalThreshold   general tags at or above this score are listed
     * @param characterThreshold character tags likewise
     * @param keywords           default keyword list for {@code /tag keywords}
     * @param maxImages          images tagged from one message
     * @param blacklist          tags never shown, put in the prompt line or written into a caption, in every chat
     *                           (chats add their own with /tagblacklist)
     * @param promptStyle        how /tag writes its prompt line unless a chat chose otherwise with /tagstyle
     * @param captions           how {@code acgbot tag FOLDER --captions} writes training captions
     */
    public record Tag(double generalThreshold, double characterThreshold, List<String> keywords, int maxImages,
                      List<String> blacklist, PromptStyle promptStyle, PromptStyle captions) {
        public Tag {
            keywords = List.copyOf(keywords);
            blacklist = List.copyOf(TagBlacklist.of(blacklist).tags());
            between("general_threshold", generalThreshold);
            between("character_threshold", characterThreshold);
            if (maxImages < 1) {
                throw new ConfigException("max_images", "must be at least 1");
            }
        }

        private static void between(String key, double value) {
            if (value < 0 || value > 1) {
                throw new ConfigException(key, "must be between 0 and 1");
            }
        }
    }

    /**
     * /similar.
     *
     * @param duplicateDistance Hamming distance (of 64 bits, pHash and dHash) still called a near duplicate
     */
    public record Similar(int defaultK, int maxK, int duplicateDistance) {
        public Similar {
            checkK(defaultK, maxK);
            if (duplicateDistance < 0 || duplicateDistance > 32) {
                throw new ConfigException("duplicate_distance", "must be between 0 and 32 bits");
            }
        }
    }

    /**
     * /search.
     *
     * @param minSimilarity hits below this cosine similarity are not shown; when none reaches it the answer says
     *                      "no good match" instead of listing unrelated images. 0.2 is a first guess for
     *                      Chinese-CLIP ViT-B/16 (unrelated text-image pairs score around 0.1-0.2), not a measurement
     */
    public record Search(int defaultK, int maxK, double minSimilarity) {
        public Search {
            checkK(defaultK, maxK);
            if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
                throw new ConfigException("min_similarity", "must be between -1 and 1, not " + minSimilarity);
            }
        }
    }

    /** /reindex and /stats: the progress message is edited at most every {@code progressInterval}. */
    public record Reindex(Duration progressInterval) {
        public Reindex {
            if (progressInterval.isNegative()) {
                throw new ConfigException("progress_interval", "must not be negative");
            }
        }
    }

    private static void checkK(int defaultK, int maxK) {
        if (maxK < 1 || maxK > 50) {
            throw new ConfigException("max_k", "must be between 1 and 50");
        }
        if (defaultK < 1 || defaultK > maxK) {
            throw new ConfigException("default_k", "must be between 1 and max_k (" + maxK + ")");
        }
    }
}
