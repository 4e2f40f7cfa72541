package dev.acgbot.models.image.internal;

import dev.acgbot.models.image.ImageDecodeException.Reason;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells what a file is from its first bytes only; file names and MIME types lie (a chat client happily sends
 * an MP4 as "image.jpg"). A file is either one of the formats we decode or gets the reason we refuse it.
 */
public final class FormatSniffer {

    /** What the bytes are: {@code format} when decodable, otherwise {@code refusal} and a name for it. */
    public record Sniffed(ImageFormat format, Reason refusal, String what) {
        static Sniffed image(ImageFormat format) {
            return new Sniffed(format, null, format.displayName());
        }

        static Sniffed refused(Reason reason, String what) {
            return new Sniffed(null, reason, what);
        }

        public boolean decodable() {
            return format != null;
        }
    }

    private static final int TEXT_WINDOW = 4096;

    private FormatSniffer() {
    }

    public static Sniffed sniff(byte[] d) {
        if (d.length == 0) {
            return Sniffed.refused(Reason.EMPTY, "empty file");
        }
        if (starts(d, 0, 0xFF, 0xD8, 0xFF)) {
            return Sniffed.image(ImageFormat.JPEG);
        }
        if (starts(d, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Sniffed.image(ImageFormat.PNG);
        }
        if (ascii(d, 0, "GIF87a") || ascii(d, 0, "GIF89a")) {
            return Sniffed.image(ImageFormat.GIF);
        }
        if (ascii(d, 0, "RIFF") && d.length >= 12) {
            if (ascii(d, 8, "WEBP")) {
                return Sniffed.image(ImageFormat.WEBP);
            }
            if (ascii(d, 8, "AVI ")) {
                return Sniffed.refused(Reason.VIDEO, "AVI video");
            }
            return Sniffed.refused(Reason.NOT_AN_IMAGE, "RIFF " + ascii4(d, 8));
        }
        if (looksLikeBmp(d)) {
            return Sniffed.image(ImageFormat.BMP);
        }
        if (d.length >= 12 && ascii(d, 4, "ftyp")) {
            return isoMedia(ascii4(d, 8));
        }
        if (starts(d, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Sniffed.refused(Reason.VIDEO, "WebM/Matroska video");
        }
        if (ascii(d, 0, "FLV") || starts(d, 0, 0x00, 0x00, 0x01, 0xBA) || starts(d, 0, 0x00, 0x00, 0x01, 0xB3)
                || (d.length > 376 && d[0] == 0x47 && d[188] == 0x47 && d[376] == 0x47)) {
            return Sniffed.refused(Reason.VIDEO, "video stream");
        }
        if (ascii(d, 0, "%PDF-")) {
            return Sniffed.refused(Reason.DOCUMENT, "PDF");
        }
        if (ascii(d, 0, "%!PS")) {
            return Sniffed.refused(Reason.DOCUMENT, "PostScript");
        }
        if (starts(d, 0, 'P', 'K', 0x03, 0x04) || starts(d, 0, 0xD0, 0xCF, 0x11, 0xE0) || ascii(d, 0, "{\\rtf")
                || ascii(d, 0, "Rar!") || starts(d, 0, '7', 'z', 0xBC, 0xAF)) {
            return Sniffed.refused(Reason.DOCUMENT, "document or archive");
        }
        Sniffed other = otherImageFormat(d);
        if (other != null) {
            return other;
        }
        return textOrUnknown(d);
    }

    private static Sniffed isoMedia(String brand) {
        return switch (brand) {
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" -> Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "HEIC");
            case "avif", "avis" -> Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "AVIF");
            case "crx " -> Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "camera raw");
            case "jp2 ", "jpx " -> Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "JPEG 2000");
            case "M4A ", "M4B " -> Sniffed.refused(Reason.NOT_AN_IMAGE, "audio");
            default -> Sniffed.refused(Reason.VIDEO, "MP4/QuickTime video");
        };
    }

    private static Sniffed otherImageFormat(byte[] d) {
        if (starts(d, 0, 'I', 'I', 0x2A, 0x00) || starts(d, 0, 'M', 'M', 0x00, 0x2A)) {
            return Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "TIFF");
        }
        if (ascii(d, 0, "8BPS")) {
            return Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "Photoshop");
        }
        if (starts(d, 0, 0xFF, 0x0A) || (d.length >= 12 && ascii(d, 4, "JXL "))) {
            return Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "JPEG XL");
        }
        if (d.length >= 12 && ascii(d, 4, "jP  ")) {
            return Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "JPEG 2000");
        }
        if (starts(d, 0, 0x00, 0x00, 0x01, 0x00) || starts(d, 0, 0x00, 0x00, 0x02, 0x00)) {
            return Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "icon");
        }
        if (ascii(d, 0, "qoif")) {
            return Sniffed.refused(Reason.UNSUPPORTED_FORMAT, "QOI");
        }
        return null;
    }

    /** "BM" alone is too weak (a text file may start with it): the DIB header size must be a known one. */
    private static boolean looksLikeBmp(byte[] d) {
        if (d.length < 26 || d[0] != 'B' || d[1] != 'M') {
            return false;
        }
        int dib = (d[14] & 0xFF) | (d[15] & 0xFF) << 8 | (d[16] & 0xFF) << 16 | (d[17] & 0xFF) << 24;
        return dib == 12 || dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124;
    }

    /** SVG and other markup, then anything else; SVG may start with a BOM, whitespace, comments or a doctype. */
    private static Sniffed textOrUnknown(byte[] d) {
        int n = Math.min(d.length, TEXT_WINDOW);
        String head = new String(d, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        String trimmed = head.startsWith("\u00ef\u00bb\u00bf") ? head.substring(3).strip() : head.strip();
        if (trimmed.startsWith("<")) {
            if (trimmed.contains("<svg")) {
                return Sniffed.refused(Reason.VECTOR_IMAGE, "SVG");
            }
            if (trimmed.contains("<html") || trimmed.startsWith("<!doctype html")) {
                return Sniffed.refused(Reason.NOT_AN_IMAGE, "HTML page");
            }
            return Sniffed.refused(Reason.NOT_AN_IMAGE, "XML or markup");
        }
        if (starts(d, 0, 0x1F, 0x8B)) {
            return Sniffed.refused(Reason.NOT_AN_IMAGE, "gzip data");
        }
        return Sniffed.refused(Reason.NOT_AN_IMAGE, isMostlyText(d, n) ? "text" : "unknown binary data");
    }

    private static boolean isMostlyText(byte[] d, int n) {
        int printable = 0;
        for (int i = 0; i < n; i++) {
            int b = d[i] & 0xFF;
            if (b >= 0x20 || b == '\n' || b == '\r' || b == '\t') {
                printable++;
            }
        }
        return printable >= n * 0.95;
    }

    static boolean starts(byte[] d, int at, int... magic) {
        if (d.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((d[at + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean ascii(byte[] d, int at, String s) {
        if (d.length < at + s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (d[at + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii4(byte[] d, int at) {
        return d.length < at + 4 ? "" : new String(d, at, 4, StandardCharsets.ISO_8859_1);
    }
}
