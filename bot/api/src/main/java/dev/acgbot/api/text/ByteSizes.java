package dev.acgbot.api.text;

import java.util.Locale;

/**
 * Byte counts as people read them: {@code 512 KB}, {@code 1.5 MB}, {@code 20 MB}. Shifting by 20 bits showed a
 * 512 KB limit as "0 MB"; here a size keeps its unit as long as the number is at least 1.
 */
public final class ByteSizes {
    private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    /** Binary units (1 KB = 1024 bytes), one decimal where it matters, none when the value is whole. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        double tenths = Math.round(value * 10) / 10.0;
        if (tenths >= 1024 && unit < UNITS.length - 1) {
            tenths = 1;
            unit++;
        }
        String number = tenths == Math.rint(tenths) || tenths >= 100
                ? String.valueOf(Math.round(tenths)) : String.format(Locale.ROOT, "%.1f", tenths);
        return number + " " + UNITS[unit];
    }
}
