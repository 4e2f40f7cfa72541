package dev.acgbot.api.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * A language the bot answers in. Platforms report IETF tags ({@code zh-hans}, {@code zh-CN}, {@code en-US}, {@code ja},
 * Discord's {@code zh-CN}/{@code en-GB}/{@code ja}); {@link #fromTag} maps them to the nearest one we have, and nothing
 * for a language we do not speak, so the caller falls back to the chat's or the operator's choice.
 */
public enum Language {
    EN("en", Locale.ENGLISH),
    ZH("zh", Locale.SIMPLIFIED_CHINESE),
    JA("ja", Locale.JAPANESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The short tag used in configuration, bundles' file names and {@code /lang}: {@code en}, {@code zh}, {@code ja}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a platform's tag; empty when blank or not one we speak. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
