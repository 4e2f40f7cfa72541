package dev.acgbot.api.inline;

import dev.acgbot.api.reply.ImageRef;

import java.util.Objects;

/**
 * One image the user may pick from an inline answer.
 *
 * @param id      unique within the answer, at most 64 ASCII characters (the image's content hash suits)
 * @param image   the image; a gallery file carries its indexed sha256, which the adapter keys its upload ids by
 * @param title   a short title (shown where the platform lists results as rows)
 * @param caption the caption posted with the image, in the user's language; may be empty
 */
public record InlineResult(String id, ImageRef image, String title, String caption) {
    public InlineResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        if (id.isEmpty() || id.length() > 64 || !id.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("an inline result id is 1 to 64 printable ASCII characters: " + id);
        }
        title = title == null ? "" : title;
        caption = caption == null ? "" : caption;
    }
}
