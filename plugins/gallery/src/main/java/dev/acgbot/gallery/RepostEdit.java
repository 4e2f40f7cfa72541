package dev.acgbot.gallery;

/** An edit the duplicate verifier recognised between a posted copy and a gallery image. */
public enum RepostEdit {
    CROPPED, BORDER, ROTATED, MIRRORED, STRETCHED, RECOLOURED,
    /** A mark (a site's text watermark, a signature) was added in the picture's margin. */
    WATERMARKED
}
