package dev.acgbot.core.router;

import dev.acgbot.api.command.ImageUnavailableException;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.text.ByteSizes;
import dev.acgbot.core.i18n.CoreMessages;

/** The user's words for an image that could not be taken (a link, a sticker, an animation), one per reason. */
final class ImageRefusals {

    private ImageRefusals() {
    }

    static String text(ImageUnavailableException e, Language language) {
        String source = e.source();
        return switch (e.reason()) {
            case PRIVATE_ADDRESS -> CoreMessages.format(language, "image_source.private_address", source);
            case TOO_LARGE -> CoreMessages.format(language, "image_source.too_large", source,
                    e.limit() > 0 ? ByteSizes.human(e.limit()) : "?");
            case TOO_SLOW -> CoreMessages.format(language, "image_source.too_slow", source,
                    String.valueOf(Math.max(1, (e.limit() + 999) / 1000)));
            case NOT_AN_IMAGE -> CoreMessages.format(language, "image_source.not_an_image", source);
            case TOO_MANY_REDIRECTS -> CoreMessages.format(language, "image_source.too_many_redirects", source);
            case UNSUPPORTED_SCHEME -> CoreMessages.format(language, "image_source.unsupported_scheme");
            case UNREACHABLE -> CoreMessages.format(language, "image_source.unreachable", source);
            case ANIMATED_STICKER -> CoreMessages.format(language, "image_source.animated_sticker");
            case ANIMATION_WITHOUT_THUMBNAIL -> CoreMessages.format(language, "image_source.animation_without_thumbnail");
        };
    }
}
