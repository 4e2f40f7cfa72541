package dev.acgbot.commands.internal;

import dev.acgbot.gallery.GalleryEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Caption pieces that explain a gallery hit: where it is from and what it shares with the query. */
public final class Captions {

    private Captions() {
    }

    /** The source link when known, else the file name. */
    public static String origin(GalleryEntry entry) {
        String name = entry.path().getFileName().toString();
        return entry.sourceUrl().map(url -> name + " · " + url).orElse(name);
    }

    /** Tags both images have with at least {@code minScore} in the hit, best-scoring first, at most {@code max}. */
    public static List<String> sharedTags(Set<String> queryTags, Map<String, Float> entryTags, float minScore, int max) {
        List<String> shared = new ArrayList<>();
        for (Map.Entry<String, Float> tag : entryTags.entrySet()) {
            if (tag.getValue() >= minScore && queryTags.contains(tag.getKey())) {
                shared.add(tag.getKey());
                if (shared.size() == max) {
                    break;
                }
            }
        }
        return shared;
    }

    /** A similarity to three decimals; never "-0.000" (a tiny negative cosine rounds to zero, and shows as one). */
    public static String score(float score) {
        String text = String.format(Locale.ROOT, "%.3f", score);
        return text.equals("-0.000") ? "0.000" : text;
    }
}
