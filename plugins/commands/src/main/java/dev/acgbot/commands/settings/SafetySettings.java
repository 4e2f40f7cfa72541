package dev.acgbot.commands.settings;

import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.gallery.rating.ContentRating;
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
 */
public record SafetySettings(double sensitive, double questionable, double explicit, ContentRating unratedAs,
                             Map<String, SafetyMode> groupDefaults) {
    public static final SafetySettings DEFAULTS = new SafetySettings(0.5, 0.35, 0.35, ContentRating.SAFE,
            Map.of("telegram", SafetyMode.SPOILER));
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
