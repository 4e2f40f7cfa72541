package dev.acgbot.gallery.rating;

/**
 * How suitable an image is for an audience, from least to most restricted. {@link #UNRATED} means no tagger
 * with rating labels has seen the image (a gallery indexed without a tagger, or with one that has none).
 */
public enum ContentRating {
    UNRATED, SAFE, SENSITIVE, QUESTIONABLE, EXPLICIT;

    /** The lower-case word users and the config see. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Questionable and explicit: the levels a safe-for-work chat never shows. */
    public boolean adult() {
        return this == QUESTIONABLE || this == EXPLICIT;
    }
}
