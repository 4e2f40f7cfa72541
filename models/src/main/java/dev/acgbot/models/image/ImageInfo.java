package dev.acgbot.models.image;

/**
 * What an image header says, read without decoding pixels.
 *
 * @param format lower-case format name sniffed from the magic bytes: jpeg, png, webp, gif or bmp
 * @param width  pixel width as the image will be decoded (EXIF orientation applied)
 * @param height pixel height as the image will be decoded
 * @param frames number of frames (animations), or -1 when it cannot be told cheaply
 */
public record ImageInfo(String format, int width, int height, int frames) {
}
