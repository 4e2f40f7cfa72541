package dev.acgbot.models.image;

import java.util.Objects;

/**
 * Why a file could not be turned into pixels. {@link #userMessage()} is a sentence fit to show the person who
 * posted the file; {@link #getMessage()} carries the technical detail for logs.
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

    private final Reason reason;
    private final String userMessage;

    public ImageDecodeException(Reason reason, String userMessage, String detail) {
        this(reason, userMessage, detail, null);
    }

    public ImageDecodeException(Reason reason, String userMessage, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.userMessage = Objects.requireNonNull(userMessage, "userMessage");
    }

    public Reason reason() {
        return reason;
    }

    /** A friendly sentence for chat users, without internals. */
    public String userMessage() {
        return userMessage;
    }
}
