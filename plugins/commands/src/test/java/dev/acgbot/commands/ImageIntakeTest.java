package dev.acgbot.commands;

import dev.acgbot.api.command.Attachment;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ImageIntakeTest {
    private final AtomicInteger decodes = new AtomicInteger();
    private final DecodedImage oneGreenPixel = new DecodedImage(1, 1, new int[]{0xFF00FF00}, false);

    private static Attachment bytes(String name, byte[] data) {
        return new Attachment() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public Optional<String> contentType() {
                return Optional.empty();
            }

            @Override
            public long declaredSize() {
                return data.length;
            }

            @Override
            public byte[] read(long maxBytes) {
                return data;
            }
        };
    }

    @Test
    void readingHashesTheBytesButDecodesOnlyWhenPixelsAreNeededAndThenOnce() throws Exception {
        ImageIntake intake = new ImageIntake(DecodeLimits.defaults(), data -> {
            decodes.incrementAndGet();
            return oneGreenPixel;
        });
        PostedImage posted = intake.read(bytes("green.png", new byte[]{1, 2, 3}));
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", posted.sha256());
        assertEquals(0, decodes.get(), "a cache keyed by the hash can answer without any decode");
        assertSame(oneGreenPixel, posted.pixels());
        assertSame(oneGreenPixel, posted.pixels());
        assertEquals(1, decodes.get());
    }
}
