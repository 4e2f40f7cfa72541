package dev.acgbot.adapterkit.links;

import java.nio.charset.StandardCharsets;

/** The first bytes of the image formats the decoder reads, to refuse a web page served as an image early. */
final class ImageMagic {

    private ImageMagic() {
    }

    static boolean looksLikeImage(byte[] b) {
        return starts(b, 0, 0x89, 'P', 'N', 'G')
                || starts(b, 0, 0xff, 0xd8, 0xff)                          // JPEG
                || starts(b, 0, 'G', 'I', 'F', '8')
                || (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P'))
                || starts(b, 0, 'B', 'M')
                || starts(b, 0, 'I', 'I', '*', 0) || starts(b, 0, 'M', 'M', 0, '*') // TIFF
                || starts(b, 4, 'f', 't', 'y', 'p')                        // AVIF, HEIC (the decoder names them)
                || starts(b, 0, 0xff, 0x0a)                                // JPEG XL codestream
                || starts(b, 0, 0, 0, 1, 0)                                // ICO
                || svg(b);                                                 // the decoder explains vector images
    }

    private static boolean svg(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 256), StandardCharsets.ISO_8859_1).stripLeading();
        return head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg"));
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
