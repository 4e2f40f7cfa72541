package dev.acgbot.gallery.rating;

/**
 * How suitable an image is for an audience, from least to most restricted. {@link #UNRATED} means no rating
 * source has seen the image (a gallery indexed without a tagger with rating labels and without a classifier).
 */
public enum ContentRating {
    UNRATED, SAFE, SENSITIVE, QUESTIONABLE, EXPLICIT;

    /** The lower-case word users and the config see. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The more restricted of two ratings from different sources (tagger, classifier): a source that saw
     * something wins over one that did not; {@link #UNRATED} only when neither rated.
     */
    public ContentRating stricter(ContentRating other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Questionable and explicit: the levels a safe-for-work chat never shows. */
    public boolean adult() {
        return this == QUESTIONABLE || this == EXPLICIT;
    }
}
