package dev.acgbot.gallery.rating;

import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagScore;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a tagger's rating labels into a {@link ContentRating}: the most restricted level whose probability
 * reaches its threshold (explicit, then questionable, then sensitive), else safe. A severe level does not have
 * to win the arg-max: WD v3's four rating probabilities share the mass, so an image at 0.40 explicit and 0.45
 * questionable is still explicit with the default 0.35 threshold. Rating labels are recognised by category
 * ({@link TagCategory#RATING}, WD's selected_tags.csv category 9) or by a {@code rating:}/{@code rating_} prefix
 * (JoyTag-style label lists without categories); WD's {@code general} means safe. No rating label at all gives
 * {@link ContentRating#UNRATED}.
 *
 * @param sensitive    threshold for sensitive
 * @param questionable threshold for questionable
 * @param explicit     threshold for explicit
 */
public record RatingRule(float sensitive, float questionable, float explicit) {
    public RatingRule {
        for (float t : new float[]{sensitive, questionable, explicit}) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("rating thresholds must be in (0, 1], got " + t);
            }
        }
    }

    public static RatingRule defaults() {
        return new RatingRule(0.5f, 0.35f, 0.35f);
    }

    public ContentRating rate(List<TagScore> scores) {
        float s = -1;
        float q = -1;
        float e = -1;
        boolean any = false;
        for (TagScore t : scores) {
            Optional<String> level = level(t);
            if (level.isEmpty()) {
                continue;
            }
            any = true;
            switch (level.get()) {
                case "sensitive" -> s = Math.max(s, t.score());
                case "questionable" -> q = Math.max(q, t.score());
                case "explicit" -> e = Math.max(e, t.score());
                default -> { }
            }
        }
        if (!any) {
            return ContentRating.UNRATED;
        }
        if (e >= explicit) {
            return ContentRating.EXPLICIT;
        }
        if (q >= questionable) {
            return ContentRating.QUESTIONABLE;
        }
        return s >= sensitive ? ContentRating.SENSITIVE : ContentRating.SAFE;
    }

    /**
     * Rates from the tags a gallery entry kept (names and scores, no categories): WD's four rating names count as
     * rating labels. Used for entries stored before ratings existed; scores under the gallery's tag threshold
     * (0.1 by default) were not kept, which only matters for thresholds below it.
     */
    public ContentRating rateStoredTags(java.util.Map<String, Float> tags) {
        return rate(tags.entrySet().stream()
                .filter(t -> level(new TagScore(t.getKey(), TagCategory.RATING, 0)).isPresent())
                .map(t -> new TagScore(t.getKey(), TagCategory.RATING, t.getValue()))
                .toList());
    }

    private static Optional<String> level(TagScore t) {
        String name = t.name().toLowerCase(Locale.ROOT);
        if (name.startsWith("rating:") || name.startsWith("rating_")) {
            name = name.substring("rating:".length());
        } else if (t.category() != TagCategory.RATING) {
            return Optional.empty();
        }
        return switch (name) {
            case "general", "safe", "sensitive", "questionable", "explicit" -> Optional.of(name);
            default -> Optional.empty();
        };
    }
}
