package dev.acgbot.models.image;

import dev.acgbot.models.image.ImageDecodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Files people post that are not (healthy) images each get their own reason and a readable sentence. */
class ImageDecoderHostileInputTest {
    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    @TempDir
    Path dir;

    @Test
    void zeroBytesAreEmpty() throws IOException {
        refused(Reason.EMPTY, new byte[0]);
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertEquals(Reason.EMPTY, assertThrows(ImageDecodeException.class, () -> decoder.decode(empty)).reason());
    }

    @Test
    void truncatedJpegIsCorrupt() {
        byte[] jpeg = PilReference.bytes("photo-420.jpg");
        refused(Reason.CORRUPT, Arrays.copyOf(jpeg, jpeg.length * 6 / 10));
        refused(Reason.CORRUPT, Arrays.copyOf(jpeg, jpeg.length - 2)); // only the end-of-image marker missing
        refused(Reason.CORRUPT, Arrays.copyOf(jpeg, 300)); // header only
    }

    @Test
    void truncatedOrDamagedPngIsCorrupt() {
        byte[] png = PilReference.bytes("art-rgba.png");
        refused(Reason.CORRUPT, Arrays.copyOf(png, png.length / 2));
        byte[] damaged = png.clone();
        for (int i = 100; i < damaged.length - 20; i += 7) {
            damaged[i] ^= 0x5A;
        }
        refused(Reason.CORRUPT, damaged);
    }

    @Test
    void pngHeaderClaimingFiftyThousandSquaredIsRefusedBeforeDecoding() throws ImageDecodeException {
        byte[] bomb = png(50_000, 50_000, new byte[]{0, 0, 0, 0});
        assertTrue(bomb.length < 100, "the bomb is a tiny file");
        ImageDecodeException e = refused(Reason.TOO_MANY_PIXELS, bomb);
        assertTrue(e.userMessage().contains("50000 x 50000"), e.userMessage());
        // probing reads the header only and applies no limit
        assertEquals(new ImageInfo("png", 50_000, 50_000, 1), decoder.probe(bomb));
    }

    @Test
    void jpegGifAndWebpHeadersClaimingHugeSizesAreRefused() {
        byte[] jpeg = PilReference.bytes("photo-420.jpg").clone();
        int sof = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
        jpeg[sof + 5] = (byte) 0xEA; // height 60000
        jpeg[sof + 6] = (byte) 0x60;
        jpeg[sof + 7] = (byte) 0xEA; // width 60000
        jpeg[sof + 8] = (byte) 0x60;
        refused(Reason.TOO_MANY_PIXELS, jpeg);

        ByteBuffer gif = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0xFFFF).putShort((short) 0xFFFF)
                .put((byte) 0).put((byte) 0).put((byte) 0)
                .put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF).putShort((short) 0xFFFF)
                .put((byte) 0).put((byte) 8).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        refused(Reason.TOO_MANY_PIXELS, Arrays.copyOf(gif.array(), gif.position()));

        ByteBuffer webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0)
                .put(new byte[]{(byte) 0xFE, 0x3F, 0x00, (byte) 0xFE, 0x3F, 0x00}); // 16383 x 16383
        refused(Reason.TOO_MANY_PIXELS, webp.array());
    }

    @Test
    void filesOverTheByteLimitAreRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("big.jpg");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(30L * 1024 * 1024); // sparse: nothing is written, and nothing must be read
        }
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(big));
        assertEquals(Reason.TOO_LARGE_FILE, e.reason());
        assertTrue(e.userMessage().contains("30.0 MB") && e.userMessage().contains("25 MB"), e.userMessage());

        ImageDecoder small = new ImageDecoder(new DecodeLimits(1000, 1_000_000));
        ImageDecodeException inMemory = assertThrows(ImageDecodeException.class,
                () -> small.decode(PilReference.bytes("photo-420.jpg")));
        assertEquals(Reason.TOO_LARGE_FILE, inMemory.reason());
    }

    @Test
    void svgIsAVectorImage() {
        refused(Reason.VECTOR_IMAGE, utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"));
        refused(Reason.VECTOR_IMAGE, utf8("\uFEFF<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n<svg></svg>"));
    }

    @Test
    void textNamedJpgIsNotAnImage() throws IOException {
        Path fake = Files.writeString(dir.resolve("holiday.jpg"), "these are my holiday notes, not a photo\n");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(fake));
        assertEquals(Reason.NOT_AN_IMAGE, e.reason());
        refused(Reason.NOT_AN_IMAGE, utf8("<!DOCTYPE html><html><body>403 Forbidden</body></html>"));
        refused(Reason.NOT_AN_IMAGE, new Random(1).ints(512, 0, 256).collect(ByteArrayOutputStream::new,
                ByteArrayOutputStream::write, (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray());
    }

    @Test
    void documentsAreRefused() {
        refused(Reason.DOCUMENT, utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));
        refused(Reason.DOCUMENT, new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
    }

    @Test
    void videosAreRefused() {
        refused(Reason.VIDEO, bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm'));
        refused(Reason.VIDEO, bytes(0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 0, 0));
        refused(Reason.VIDEO, bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01));
        refused(Reason.VIDEO, bytes('R', 'I', 'F', 'F', 0, 0, 1, 0, 'A', 'V', 'I', ' ', 'L', 'I', 'S', 'T'));
    }

    @Test
    void otherImageFormatsAreUnsupported() {
        ImageDecodeException heic = refused(Reason.UNSUPPORTED_FORMAT,
                bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0));
        assertTrue(heic.userMessage().startsWith("HEIC"), heic.userMessage());
        refused(Reason.UNSUPPORTED_FORMAT, bytes('I', 'I', 0x2A, 0, 8, 0, 0, 0));
    }

    /** Randomly damaged real files may decode or be refused, but never escape as another exception. */
    @Test
    void damagedFilesNeverThrowAnythingElse() {
        Random random = new Random(20261122);
        String[] sources = {"photo-420.jpg", "photo-progressive.jpg", "art-rgba.png", "art-palette-trns.png",
                "art.gif", "animated.webp", "photo-lossy.webp", "art-lossless.webp", "photo.bmp"};
        int refusedCount = 0;
        for (String source : sources) {
            byte[] original = PilReference.bytes(source);
            for (int i = 0; i < 25; i++) {
                byte[] damaged = original.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    int at = 8 + random.nextInt(damaged.length - 8);
                    damaged[at] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    damaged = Arrays.copyOf(damaged, 8 + random.nextInt(damaged.length - 8));
                }
                try {
                    DecodedImage img = decoder.decode(damaged);
                    assertTrue(img.width() > 0 && img.height() > 0);
                } catch (ImageDecodeException e) {
                    refusedCount++;
                    assertFalse(e.userMessage().isBlank());
                } catch (RuntimeException | Error e) {
                    fail(source + " mutation " + i + " escaped as " + e, e);
                }
            }
        }
        assertTrue(refusedCount > 0, "some damage must be detected");
    }

    @Test
    void userMessagesAreSentencesWithoutInternals() {
        byte[][] inputs = {new byte[0], utf8("<svg/>"), utf8("%PDF-1.4"), utf8("plain text"),
                bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'), png(50_000, 50_000, new byte[4]),
                Arrays.copyOf(PilReference.bytes("photo-420.jpg"), 500)};
        for (byte[] input : inputs) {
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(input));
            String m = e.userMessage();
            assertTrue(m.endsWith("."), m);
            assertFalse(m.contains("Exception") || m.contains("java") || m.contains("ImageIO") || m.contains("null"), m);
        }
    }

    private ImageDecodeException refused(Reason reason, byte[] data) {
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(data));
        assertEquals(reason, e.reason(), e.getMessage());
        assertFalse(e.userMessage().isBlank());
        return e;
    }

    private static int indexOf(byte[] d, byte a, byte b) {
        for (int i = 0; i + 1 < d.length; i++) {
            if (d[i] == a && d[i + 1] == b) {
                return i;
            }
        }
        throw new IllegalStateException("marker not found");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** A minimal RGBA PNG whose header claims {@code w x h}, with a few bytes of image data. */
    static byte[] png(int w, int h, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 6).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[64];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
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
