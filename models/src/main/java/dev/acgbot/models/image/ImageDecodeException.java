package dev.acgbot.models.image;

import java.util.Objects;

/**
 * Why a file could not be turned into pixels: a typed {@link #reason()} with the {@link #facts()} a message needs
 * (the bot layer words them in the user's language); {@link #userMessage()} is an English sentence for tools
 * without bundles (the CLI); {@link #getMessage()} carries the technical detail for logs.
 */
public final class ImageDecodeException extends Exception {

    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** Over the byte limit; checked before reading. */
        TOO_LARGE_FILE,
        /** At or over the pixel limit, judged from the header. */
        TOO_MANY_PIXELS,
        /**
         * A large image in suspiciously few bytes (PNG, GIF, WebP): far more pixels per byte than real images
         * carry, which is how decompression bombs are built.
         */
        DECOMPRESSION_BOMB,
        /** Every slot for heavy decodes stayed busy (see {@link DecodeGate}); not the file's fault. */
        BUSY,
        /** A real image format we do not decode (HEIC, AVIF, TIFF, PSD, ...). */
        UNSUPPORTED_FORMAT,
        /** SVG: needs a renderer, not a decoder. */
        VECTOR_IMAGE,
        /** Text, HTML, audio or unknown bytes. */
        NOT_AN_IMAGE,
        /** Looked like a supported image but is truncated or damaged. */
        CORRUPT,
        /** A video container (MP4/MOV, WebM/MKV, AVI, ...). */
        VIDEO,
        /** PDF, office documents, archives. */
        DOCUMENT
    }

    /**
     * What a refusal is about, as data: the format's name ({@code HEIC}), the size the header claims, the file's bytes.
     * Unknown values are empty or 0.
     */
    public record Facts(String format, int width, int height, long bytes) {
        public static final Facts NONE = new Facts("", 0, 0, 0);

        public Facts {
            format = format == null ? "" : format;
        }
    }

    private final Reason reason;
    private final String userMessage;
    private final transient Facts facts;

    public ImageDecodeException(Reason reason, String userMessage, String detail) {
        this(reason, userMessage, detail, null);
    }

    public ImageDecodeException(Reason reason, String userMessage, String detail, Throwable cause) {
        this(reason, Facts.NONE, userMessage, detail, cause);
    }

    public ImageDecodeException(Reason reason, Facts facts, String userMessage, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.userMessage = Objects.requireNonNull(userMessage, "userMessage");
    }

    public Facts facts() {
        return facts;
    }

    public Reason reason() {
        return reason;
    }

    /** A friendly sentence for chat users, without internals. */
    public String userMessage() {
        return userMessage;
    }
}
