package dev.acgbot.commands;

import dev.acgbot.models.image.DecodedImage;

/**
 * An image a user posted, read and decoded once.
 *
 * @param fileName as posted
 * @param sha256   hex hash of the bytes: the cache key, and the gallery's identity of the image
 * @param pixels   decoded first frame
 */
public record PostedImage(String fileName, String sha256, DecodedImage pixels) {
}
