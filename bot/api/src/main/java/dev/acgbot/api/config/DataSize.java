package dev.acgbot.api.config;

/**
 * An amount of bytes as written in the configuration ({@code 20MB}, {@code 512KB}, {@code 1GB} or a bare
 * number of bytes; units are powers of 1024).
 */
public record DataSize(long bytes) {
    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofMegabytes(long megabytes) {
        return new DataSize(megabytes << 20);
    }

    /** The shortest exact spelling: {@code 25MB}, {@code 512KB}, or bytes. */
    @Override
    public String toString() {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        long value = bytes;
        int unit = 0;
        while (value != 0 && value % 1024 == 0 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }
}
