package dev.acgbot.commands.settings;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.gallery.rating.RatingClassifier;
import dev.acgbot.gallery.rating.RatingRule;

import java.util.Map;

/**
 * {@code safety:} how images are rated and which chats may see what (README "Safe for work").
 *
 * @param sensitive     a tagger's {@code sensitive} probability at or above this rates an image sensitive
 * @param questionable  likewise questionable
 * @param explicit      likewise explicit (checked first: the most restricted level that reaches its threshold wins)
 * @param unratedAs     how an image no tagger has rated is treated (a gallery indexed without a tagger)
 * @param groupDefaults a platform's default mode for group chats that are not age-restricted; a platform not
 *                      listed gets {@code sfw}. Private chats and the console default to {@code allow}, and so
 *                      does a chat the platform marks age-restricted (a Discord NSFW channel)
 * @param classifier    thresholds of the rating classifier ({@code models.rating_classifier})
 */
public record SafetySettings(double sensitive, double questionable, double explicit, ContentRating unratedAs,
                             Map<String, SafetyMode> groupDefaults, Classifier classifier) {
    public static final SafetySettings DEFAULTS = new SafetySettings(0.5, 0.35, 0.35, ContentRating.SAFE,
            Map.of("telegram", SafetyMode.SPOILER), Classifier.DEFAULTS);
    public static final SettingsSection<SafetySettings> SECTION = new SettingsSection<>("safety", SafetySettings.class, DEFAULTS);

    public SafetySettings {
        between("sensitive", sensitive);
        between("questionable", questionable);
        between("explicit", explicit);
        unratedAs = unratedAs == null ? ContentRating.SAFE : unratedAs;
        if (unratedAs == ContentRating.UNRATED) {
            throw new ConfigException("unrated_as", "must be one of safe, sensitive, questionable, explicit");
        }
        groupDefaults = groupDefaults == null ? Map.of() : Map.copyOf(groupDefaults);
        classifier = classifier == null ? Classifier.DEFAULTS : classifier;
    }

    /** The settings of older configurations and tests: the classifier's default thresholds. */
    public SafetySettings(double sensitive, double questionable, double explicit, ContentRating unratedAs,
                          Map<String, SafetyMode> groupDefaults) {
        this(sensitive, questionable, explicit, unratedAs, groupDefaults, Classifier.DEFAULTS);
    }

    /**
     * {@code safety.classifier:} nsfwjs's probabilities to a rating ({@link RatingClassifier}): Porn + Hentai reaching
     * {@code explicit} or {@code questionable}, Porn + Hentai + Sexy reaching {@code sensitive}. High by default: the
     * stricter of tagger and classifier wins, so each false alarm of the classifier hides a safe image (a GNOME tile
     * wallpaper gets 0.22 Porn; docs/benchmarks.md counts them on openclipart).
     */
    public record Classifier(double sensitive, double questionable, double explicit) {
        public static final Classifier DEFAULTS = new Classifier(0.6, 0.6, 0.85);

        public Classifier {
            between("classifier.sensitive", sensitive);
            between("classifier.questionable", questionable);
            between("classifier.explicit", explicit);
        }

        public RatingClassifier rule(String modelId) {
            return new RatingClassifier(modelId, (float) sensitive, (float) questionable, (float) explicit);
        }
    }

    public RatingRule rule() {
        return new RatingRule((float) sensitive, (float) questionable, (float) explicit);
    }

    private static void between(String key, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new ConfigException(key, "must be above 0 and at most 1");
        }
    }
}
