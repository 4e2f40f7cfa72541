package dev.acgbot.core.i18n;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.i18n.LocalText;
import dev.acgbot.api.i18n.Messages;

/** The core's words (router, argument binding, console, built-in commands), from {@code dev/acgbot/core/messages_*.properties}. */
public final class CoreMessages {
    public static final Messages BUNDLE = Messages.load("dev/acgbot/core/messages", CoreMessages.class.getClassLoader());

    private CoreMessages() {
    }

    public static String format(Language language, String key, Object... args) {
        return BUNDLE.format(language, key, args);
    }

    public static LocalText text(String key, Object... args) {
        return BUNDLE.text(key, args);
    }
}
