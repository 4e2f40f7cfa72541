package dev.acgbot.models.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Header-only probing reports format, upright size and frame count. */
class ImageDecoderProbeTest {
    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    @Test
    void reportsFormatSizeAndFrames() throws ImageDecodeException {
        assertEquals(new ImageInfo("jpeg", 256, 192, 1), decoder.probe(PilReference.bytes("photo-420.jpg")));
        assertEquals(new ImageInfo("png", 94, 112, 1), decoder.probe(PilReference.bytes("art-rgba.png")));
        assertEquals(new ImageInfo("gif", 48, 32, 3), decoder.probe(PilReference.bytes("animated.gif")));
        assertEquals(new ImageInfo("webp", 48, 32, 3), decoder.probe(PilReference.bytes("animated.webp")));
        assertEquals(new ImageInfo("webp", 256, 192, 1), decoder.probe(PilReference.bytes("photo-lossy.webp")));
        assertEquals(new ImageInfo("bmp", 40, 30, 1), decoder.probe(PilReference.bytes("photo.bmp")));
        // a 6x4 first frame on a 20x10 logical screen is shown (and decoded) at screen size
        assertEquals(new ImageInfo("gif", 20, 10, 1), decoder.probe(PilReference.bytes("frame-offset.gif")));
    }

    @Test
    void sizeIsReportedUpright() throws ImageDecodeException {
        assertEquals(new ImageInfo("jpeg", 40, 30, 1), decoder.probe(PilReference.bytes("orient-3.jpg")));
        assertEquals(new ImageInfo("jpeg", 30, 40, 1), decoder.probe(PilReference.bytes("orient-6.jpg")));
        assertEquals(new ImageInfo("png", 30, 40, 1), decoder.probe(PilReference.bytes("orient-8.png")));
    }

    @Test
    void decodingFromAFileMatchesDecodingTheBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] data = PilReference.bytes("art-palette-trns.png");
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("picture.jpg"), data); // wrong name on purpose
        DecodedImage fromFile = decoder.decode(file);
        DecodedImage fromBytes = decoder.decode(data);
        assertEquals(0, PilReference.Diff.of(fromBytes, fromFile).max());
        assertEquals(fromBytes.hasAlpha(), fromFile.hasAlpha());
    }
}
