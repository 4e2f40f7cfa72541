package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.models.image.DecodeLimits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A posted image is hashed at once and decoded only when its pixels are needed; the decoder says why it refuses
 * (a typed reason with facts) and the plugin says it in the user's language.
 */
class ImageIntakeTest {

    private static Attachment file(String name, byte[] bytes) {
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
                return bytes.length;
            }

            @Override
            public byte[] read(long maxBytes) {
                return bytes;
            }
        };
    }

    private static UserFacingException refusal(String name, byte[] bytes) {
        return assertThrows(UserFacingException.class, () -> new ImageIntake(new DecodeLimits(1000, 100), 4).read(file(name, bytes)).pixels());
    }

    @Test
    void anSvgIsRefusedInTheUsersLanguage() {
        UserFacingException e = refusal("logo.svg",
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8));
        assertEquals("logo.svg: Vector images (SVG) aren't supported. Please send it as PNG or JPEG.", e.message(Language.EN));
        assertEquals("logo.svg：不支持矢量图（SVG）。请转成 PNG 或 JPEG 再发送。", e.message(Language.ZH));
    }

    @Test
    void anImageOverThePixelLimitNamesItsSizeAndTheLimit() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        UserFacingException e = refusal("wide.png", png.toByteArray());
        assertEquals("wide.png：这张图片太大了（20 x 10 像素），必须小于 100 像素。", e.message(Language.ZH));
    }

    @Test
    void theEnglishWordingMatchesTheDecodersOwnSentence() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        assertEquals("wide.png: That image is too large (20 x 10 pixels); it must stay below 100 pixels.",
                refusal("wide.png", png.toByteArray()).message(Language.EN));
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        assertEquals("a.png: That file is empty.", refusal("a.png", new byte[0]).message(Language.EN));
    }

    @Test
    void readingHashesTheBytesButDecodesOnlyWhenPixelsAreNeededAndThenOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger decodes = new java.util.concurrent.atomic.AtomicInteger();
        dev.acgbot.models.image.DecodedImage oneGreenPixel = new dev.acgbot.models.image.DecodedImage(1, 1, new int[]{0xFF00FF00}, false);
        ImageIntake intake = new ImageIntake(DecodeLimits.defaults(), data -> {
            decodes.incrementAndGet();
            return oneGreenPixel;
        });
        PostedImage posted = intake.read(file("green.png", new byte[]{1, 2, 3}));
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", posted.sha256());
        assertEquals(0, decodes.get(), "a cache keyed by the hash can answer without any decode");
        org.junit.jupiter.api.Assertions.assertSame(oneGreenPixel, posted.pixels());
        org.junit.jupiter.api.Assertions.assertSame(oneGreenPixel, posted.pixels());
        assertEquals(1, decodes.get());
    }
}
