package dev.acgbot.models.image;

import org.junit.jupiter.api.Test;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PIL ignores embedded ICC profiles, so the pixels every model was trained on are the stored values. The Java
 * JPEG and WebP readers would convert them to sRGB; with a linear-RGB profile that shifts values by ~70 levels.
 */
class ImageDecoderColourProfileTest {
    private static final byte[] LINEAR_RGB = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    @Test
    void jpegProfileIsIgnoredLikePil() throws ImageDecodeException {
        byte[] plain = PilReference.bytes("photo-420.jpg");
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(plain, 0, 2);
        byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + id.length + 2 + LINEAR_RGB.length;
        tagged.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
        tagged.writeBytes(id);
        tagged.writeBytes(new byte[]{1, 1});
        tagged.writeBytes(LINEAR_RGB);
        tagged.write(plain, 2, plain.length - 2);
        assertSamePixels(decoder.decode(plain), decoder.decode(tagged.toByteArray()));
        assertSamePixels(PilReference.pil("photo-420.jpg.pil.png"), decoder.decode(tagged.toByteArray()));
    }

    @Test
    void webpProfileIsIgnoredLikePil() throws ImageDecodeException {
        byte[] plain = PilReference.bytes("photo-lossy.webp"); // simple format: RIFF, WEBP, one VP8 chunk
        byte[] image = java.util.Arrays.copyOfRange(plain, 12, plain.length);
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) 0x20).put(new byte[3]);
        put24(vp8x, 256 - 1);
        put24(vp8x, 192 - 1);
        int iccPadded = LINEAR_RGB.length + (LINEAR_RGB.length & 1);
        ByteBuffer riff = ByteBuffer.allocate(12 + 18 + 8 + iccPadded + image.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riff.capacity() - 8)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(vp8x.array())
                .put("ICCP".getBytes(StandardCharsets.US_ASCII)).putInt(LINEAR_RGB.length).put(LINEAR_RGB);
        if ((LINEAR_RGB.length & 1) == 1) {
            riff.put((byte) 0);
        }
        riff.put(image);
        assertSamePixels(decoder.decode(plain), decoder.decode(riff.array()));
    }

    private static void put24(ByteBuffer b, int v) {
        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
    }

    private static void assertSamePixels(DecodedImage expected, DecodedImage actual) {
        assertEquals(expected.width(), actual.width());
        assertEquals(expected.height(), actual.height());
        assertArrayEquals(expected.argb(), actual.argb());
    }
}
