package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.i18n.LocalText;
import dev.acgbot.api.i18n.Messages;

/** The vision plugin's words, from {@code dev/acgbot/commands/messages_*.properties}. */
public final class VisionMessages {
    public static final Messages BUNDLE = Messages.load("dev/acgbot/commands/messages", VisionMessages.class.getClassLoader());

    private VisionMessages() {
    }

    public static String format(Language language, String key, Object... args) {
        return BUNDLE.format(language, key, args);
    }

    public static LocalText text(String key, Object... args) {
        return BUNDLE.text(key, args);
    }

    /** A refusal for the user, worded in the chat's language by the router. */
    public static UserFacingException refusal(String key, Object... args) {
        return new UserFacingException(BUNDLE.text(key, args));
    }
}
