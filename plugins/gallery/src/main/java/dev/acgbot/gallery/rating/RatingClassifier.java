package dev.acgbot.gallery.rating;

import dev.acgbot.models.api.TagScore;

import java.util.List;
import java.util.Locale;

/**
 * A dedicated safety classifier as a second rating source next to the tagger: nsfwjs's five classes (Drawing,
 * Hentai, Neutral, Porn, Sexy; matched by name, any case). Its {@code adult} probability is Porn + Hentai (the two
 * classes for sexual content, photographic and drawn; they share the mass on semi-realistic art, so they are
 * added, not compared). The most restricted level that reaches its threshold wins: explicit when adult reaches
 * {@code explicit}, questionable when adult reaches {@code questionable}, sensitive when adult + Sexy reaches
 * {@code sensitive}, else safe. Label lists without Porn, Hentai or Sexy give {@link ContentRating#UNRATED}.
 *
 * <p>The thresholds are high on purpose: nsfwjs has false positives on safe art (a GNOME truchet-tile wallpaper
 * scores 0.22 Porn) and the rating of two sources is the stricter one ({@link ContentRating#stricter}), so a
 * classifier threshold is also the false-alarm rate the chat pays; docs/benchmarks.md measures it on safe images.
 *
 * @param modelId      the classifier's model id (a tagger-task manifest)
 * @param sensitive    Porn + Hentai + Sexy at or above this rates sensitive
 * @param questionable Porn + Hentai at or above this rates questionable
 * @param explicit     Porn + Hentai at or above this rates explicit
 */
public record RatingClassifier(String modelId, float sensitive, float questionable, float explicit) {
    public RatingClassifier {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("a rating classifier needs a model id");
        }
        for (float t : new float[]{sensitive, questionable, explicit}) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("classifier thresholds must be in (0, 1], got " + t);
            }
        }
    }

    public ContentRating rate(List<TagScore> scores) {
        float porn = 0;
        float hentai = 0;
        float sexy = 0;
        boolean any = false;
        for (TagScore s : scores) {
            switch (s.name().toLowerCase(Locale.ROOT)) {
                case "porn" -> porn = s.score();
                case "hentai" -> hentai = s.score();
                case "sexy" -> sexy = s.score();
                default -> {
                    continue;
                }
            }
            any = true;
        }
        if (!any) {
            return ContentRating.UNRATED;
        }
        float adult = porn + hentai;
        if (adult >= explicit) {
            return ContentRating.EXPLICIT;
        }
        if (adult >= questionable) {
            return ContentRating.QUESTIONABLE;
        }
        return adult + sexy >= sensitive ? ContentRating.SENSITIVE : ContentRating.SAFE;
    }
}
