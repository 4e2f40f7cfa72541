package dev.acgbot.api.i18n;

/**
 * Words for the user that are not yet in a language: a bundle key with its arguments, worded when the language
 * of the chat is known (a {@link dev.acgbot.api.UserFacingException} thrown deep in a plugin does not know it).
 */
@FunctionalInterface
public interface LocalText {

    String in(Language language);
}
