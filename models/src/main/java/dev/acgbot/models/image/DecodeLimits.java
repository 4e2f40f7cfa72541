package dev.acgbot.models.image;

/**
 * What {@link ImageDecoder} is willing to decode. Every limit is checked before any pixel is decoded: the
 * byte size before the file is read, the pixel count and the pixels per byte from the image header.
 *
 * @param maxBytes  largest accepted file, in bytes
 * @param maxPixels the pixel limit, exclusive: an image of {@code width * height >= maxPixels} is refused. The
 *                  decoded image costs 4 bytes per pixel plus the decoder's own raster, so 40 megapixels is
 *                  roughly 300 MB of heap at worst
 */
public record DecodeLimits(long maxBytes, long maxPixels) {
    /** 25 MiB: above what chat apps send as photos, below what they send as files. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    /** 40 megapixels: any phone camera photo, while refusing decompression bombs. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** Images from this size up must pass the pixels-per-byte check; smaller ones are cheap to decode. */
    public static final long BOMB_CHECK_PIXELS = 4_000_000L;
    /**
     * Most pixels one byte of a PNG, GIF or WebP may stand for in a large image: 256, i.e. 1024 bytes of ARGB
     * per file byte, about deflate's own ceiling (1032:1). A 40 MP PNG in 121 KB (330 pixels per byte) is
     * refused; the GNOME WebP wallpapers (4096x4096) carry 27 to 6 pixels per byte. Measured on the
     * openclipart-png package, the only real image above 4 MP past the limit is a 21.7 MP flag stored in
     * 8.7 KB (2500 pixels per byte), a price worth paying.
     */
    public static final long MAX_PIXELS_PER_BYTE = 256;

    public DecodeLimits {
        if (maxBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** {@value #DEFAULT_MAX_BYTES} bytes (25 MiB) and {@value #DEFAULT_MAX_PIXELS} pixels. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }

    /** Whether {@code pixels} is within the pixel limit (strictly below it). */
    public boolean allowsPixels(long pixels) {
        return pixels < maxPixels;
    }

    /** Whether a compressed file of {@code fileBytes} claiming {@code pixels} pixels looks like a bomb. */
    public static boolean looksLikeBomb(long pixels, long fileBytes) {
        return pixels >= BOMB_CHECK_PIXELS && pixels > fileBytes * MAX_PIXELS_PER_BYTE;
    }
}
