package dev.acgbot.models.image;

/**
 * What {@link ImageDecoder} is willing to decode. Both limits are checked before any pixel is decoded: the
 * byte size before the file is read, the pixel count from the image header.
 *
 * @param maxBytes  largest accepted file, in bytes
 * @param maxPixels largest accepted {@code width * height}; the decoded image costs 4 bytes per pixel plus the
 *                  decoder's own raster, so 40 megapixels is roughly 300 MB of heap at worst
 */
public record DecodeLimits(long maxBytes, long maxPixels) {
    /** 25 MiB: above what chat apps send as photos, below what they send as files. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    /** 40 megapixels: any phone camera photo, while refusing decompression bombs. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    public DecodeLimits {
        if (maxBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** {@value #DEFAULT_MAX_BYTES} bytes (25 MiB) and {@value #DEFAULT_MAX_PIXELS} pixels. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }
}
