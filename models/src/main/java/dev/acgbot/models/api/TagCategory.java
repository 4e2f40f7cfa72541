package dev.acgbot.models.api;

/** Label categories of Danbooru-style taggers ({@code selected_tags.csv}: 9 rating, 4 character, 0 general). */
public enum TagCategory {
    GENERAL, CHARACTER, RATING, OTHER;

    public static TagCategory fromCsvCode(int code) {
        return switch (code) {
            case 0 -> GENERAL;
            case 4 -> CHARACTER;
            case 9 -> RATING;
            default -> OTHER;
        };
    }
}
