package dev.acgbot.api.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteSizesTest {
    @Test
    void limitsUnderOneMegabyteAreShownInKilobytesNotAsZeroMegabytes() {
        assertEquals("512 KB", ByteSizes.human(512 * 1024));
        assertEquals("1000 bytes", ByteSizes.human(1000));
        assertEquals("1 byte", ByteSizes.human(1));
        assertEquals("1.5 KB", ByteSizes.human(1536));
    }

    @Test
    void largerSizesKeepTheirWholeOrOneDecimalValue() {
        assertEquals("20 MB", ByteSizes.human(20L << 20));
        assertEquals("1.5 MB", ByteSizes.human(3L << 19));
        assertEquals("2 GB", ByteSizes.human(2L << 30));
        assertEquals("1 MB", ByteSizes.human((1L << 20) - 1), "rounding up to 1024 KB moves to the next unit");
    }
}
