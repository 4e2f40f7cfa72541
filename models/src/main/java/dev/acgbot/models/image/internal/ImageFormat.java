package dev.acgbot.models.image.internal;

import java.util.Locale;

/** Formats the decoder accepts. */
public enum ImageFormat {
    JPEG, PNG, WEBP, GIF, BMP;

    /** Lower-case name, also the ImageIO format name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String displayName() {
        return name();
    }
}
