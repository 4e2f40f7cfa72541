package dev.acgbot.models.image;

import dev.acgbot.models.image.ImageDecodeException.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11.2: the pixel limit is exclusive, a large image in suspiciously few bytes is refused before it is
 * decoded, and heavy decodes pass a gate so they cannot occupy every command worker.
 */
class DecompressionBombTest {
    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    @Test
    void exactlyTheLimitIsRefusedOnePixelLessDecodes() throws ImageDecodeException {
        ImageDecoder hundred = new ImageDecoder(new DecodeLimits(DecodeLimits.DEFAULT_MAX_BYTES, 100));
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> hundred.decode(grayPng(10, 10, 8)));
        assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
        assertEquals("That image is too large (10 x 10 pixels); it must stay below 100 pixels.", e.userMessage());
        DecodedImage ok = hundred.decode(grayPng(11, 9, 8));
        assertEquals(99, ok.argb().length);

        // the default limit: a 40 MP file is refused from its header, whatever its bytes
        ImageDecodeException forty = assertThrows(ImageDecodeException.class, () -> decoder.decode(grayPng(8000, 5000, 1)));
        assertEquals(Reason.TOO_MANY_PIXELS, forty.reason());
        assertEquals("That image is too large (8000 x 5000 pixels); it must stay below 40 megapixels.", forty.userMessage());
    }

    @Test
    void fortyMegapixelPngInAFewKilobytesIsABomb() {
        byte[] bomb = grayPng(7999, 5000, 1); // 39.995 MP, one bit each, all zero
        assertTrue(bomb.length < 125_000, "a small file: " + bomb.length);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(bomb));
        assertEquals(Reason.DECOMPRESSION_BOMB, e.reason());
        assertTrue(e.userMessage().startsWith("That image claims 7999 x 5000 pixels in only "), e.userMessage());
        assertTrue(e.getMessage().contains("pixels per byte"), e.getMessage());
    }

    @Test
    void rgbaPngOfNothingAboveFourMegapixelsIsABombBelowItDecodes() throws ImageDecodeException {
        assertEquals(Reason.DECOMPRESSION_BOMB,
                assertThrows(ImageDecodeException.class, () -> decoder.decode(grayPng(2000, 2000, 8))).reason());
        DecodedImage small = decoder.decode(grayPng(1999, 2000, 8)); // 3.998 MP: cheap, never judged by ratio
        assertEquals(1999 * 2000, small.argb().length);
    }

    @Test
    void animatedWebpWithAHugeCanvasAndATinyFrameIsABomb() {
        byte[] webp = PilReference.bytes("animated.webp").clone();
        assertEquals("VP8X", new String(webp, 12, 4, StandardCharsets.US_ASCII));
        writeU24(webp, 24, 3999); // canvas 4000 x 3000 around a 48 x 32 first frame
        writeU24(webp, 27, 2999);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(webp));
        assertEquals(Reason.DECOMPRESSION_BOMB, e.reason(), e.getMessage());
        writeU24(webp, 24, 9999);
        writeU24(webp, 27, 9999);
        assertEquals(Reason.TOO_MANY_PIXELS, assertThrows(ImageDecodeException.class, () -> decoder.decode(webp)).reason());
    }

    @Test
    void realImagesCarryFarMoreBytesPerPixel() {
        // GNOME's 4096x4096 WebP wallpapers: the sparsest (symbolic-l.webp) is 617,160 bytes
        assertFalse(DecodeLimits.looksLikeBomb(4096L * 4096, 617_160));
        // a 12 MP phone JPEG-turned-PNG screenshot of flat UI still takes a few hundred KB
        assertFalse(DecodeLimits.looksLikeBomb(12_000_000, 300_000));
        assertTrue(DecodeLimits.looksLikeBomb(40_000_000 - 1, 121 * 1024), "the issue's 121 KB 40 MP PNG");
    }

    @Test
    void heavyDecodeWaitsForAFreeSlotThenFailsAsBusy() throws ImageDecodeException {
        DecodeGate gate = DecodeGate.of(1, 5_000, Duration.ofMillis(150));
        ImageDecoder gated = new ImageDecoder(DecodeLimits.defaults(), gate);
        byte[] heavy = PilReference.bytes("art-rgba.png");  // 94 x 112 = 10,528 pixels
        byte[] light = PilReference.bytes("orient-1.png");  // 40 x 30
        try (DecodeGate.Slot held = gate.enter(1_000_000)) {
            long start = System.nanoTime();
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> gated.decode(heavy));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Reason.BUSY, e.reason());
            assertEquals("I'm busy with other large images right now. Please try again in a moment.", e.userMessage());
            assertTrue(waitedMs >= 140, "waited for a slot first: " + waitedMs + " ms");
            assertEquals(40 * 30, gated.decode(light).argb().length, "light images never wait");
        }
        assertEquals(94 * 112, gated.decode(heavy).argb().length, "the freed slot is taken");
    }

    @Test
    void gateForWorkersLeavesAWorkerFree() {
        assertEquals(3, DecodeGate.forWorkers(4).permits());
        assertEquals(1, DecodeGate.forWorkers(2).permits());
        assertEquals(1, DecodeGate.forWorkers(1).permits());
        assertEquals(DecodeGate.DEFAULT_HEAVY_PIXELS, DecodeGate.forWorkers(8).heavyPixels());
        assertThrows(IllegalArgumentException.class, () -> DecodeGate.forWorkers(0));
    }

    @Test
    void interruptedWhileWaitingIsBusyAndKeepsTheInterrupt() throws InterruptedException, ImageDecodeException {
        DecodeGate gate = DecodeGate.of(1, 1, Duration.ofSeconds(30));
        try (DecodeGate.Slot held = gate.enter(10)) {
            Reason[] seen = new Reason[1];
            boolean[] flag = new boolean[1];
            Thread t = new Thread(() -> {
                try {
                    gate.enter(10).close();
                } catch (ImageDecodeException e) {
                    seen[0] = e.reason();
                    flag[0] = Thread.currentThread().isInterrupted();
                }
            });
            t.start();
            Thread.sleep(100);
            t.interrupt();
            t.join(5_000);
            assertEquals(Reason.BUSY, seen[0]);
            assertTrue(flag[0], "interrupt status restored");
        }
    }

    private static void writeU24(byte[] d, int at, int v) {
        d[at] = (byte) v;
        d[at + 1] = (byte) (v >>> 8);
        d[at + 2] = (byte) (v >>> 16);
    }

    /** A valid all-black grayscale PNG of {@code bits} per pixel (1 or 8), compressed as tightly as deflate can. */
    static byte[] grayPng(int w, int h, int bits) {
        int rowBytes = 1 + (w * bits + 7) / 8;
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] row = new byte[rowBytes];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int y = 0; y < h; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) bits).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(t);
        out.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
