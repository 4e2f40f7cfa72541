package dev.acgbot.commands.settings;

import java.util.Locale;

/** What a chat may see of questionable and explicit images. */
public enum SafetyMode {
    /** never shown; the reply says how many were hidden, never what. */
    SFW,
    /** shown behind a spoiler. */
    SPOILER,
    /** shown as they are. */
    ALLOW;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
