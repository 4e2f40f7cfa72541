package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.nio.ByteBuffer;

/**
 * What the duplicate search keeps of an image besides its whole-image hashes (schema 2), computed from the reduced
 * copy the indexer already makes, after {@link Margins#trim trimming uniform margins}: the trimmed picture's
 * pHash and dHash (a border or letterbox no longer moves them), its aspect and the share of the area it kept, a
 * {@value #THUMB}x{@value #THUMB} grey thumbnail the verifier correlates under small rotations and crops, and a
 * 4x4 RGB grid that tells a recoloured copy from the same picture, and a {@value #DETAIL}x{@value #DETAIL} grey picture
 * whose edges the last stage compares (look-alike clip art is alike at 32x32). 5,197 bytes per image, read only
 * for candidates.
 */
record RepostSignature(long trimmedPHash, long trimmedDHash, float aspect, float keptArea, byte[] thumb, byte[] colour,
                       byte[] detail) {
    static final int THUMB = 32;
    static final int GRID = 4;
    /** The side of the grey picture the verifier's last stage compares edges on (see {@link DetailCheck}). */
    static final int DETAIL = 64;
    private static final byte FORMAT = 2;

    static RepostSignature of(DecodedImage reduced) {
        DecodedImage flat = PerceptualHash.onWhite(reduced);
        DecodedImage trimmed = Margins.trim(flat);
        return new RepostSignature(PerceptualHash.pHash(trimmed), PerceptualHash.dHash(trimmed),
                (float) trimmed.width() / trimmed.height(),
                (float) ((double) trimmed.width() * trimmed.height() / ((double) flat.width() * flat.height())),
                grey(trimmed, THUMB), rgbGrid(trimmed), grey(trimmed, DETAIL));
    }

    static byte[] grey(DecodedImage img, int side) {
        float[] g = ImageOps.toGray(ImageOps.resize(img, side, side, PreprocessSpec.Interpolation.BILINEAR));
        byte[] out = new byte[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = (byte) Math.round(g[i]);
        }
        return out;
    }

    private static byte[] rgbGrid(DecodedImage img) {
        int[] px = ImageOps.resize(img, GRID, GRID, PreprocessSpec.Interpolation.BILINEAR).argb();
        byte[] out = new byte[3 * px.length];
        for (int i = 0; i < px.length; i++) {
            out[3 * i] = (byte) (px[i] >> 16);
            out[3 * i + 1] = (byte) (px[i] >> 8);
            out[3 * i + 2] = (byte) px[i];
        }
        return out;
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 8 + 4 + 4 + thumb.length + colour.length + detail.length);
        b.put(FORMAT).putLong(trimmedPHash).putLong(trimmedDHash).putFloat(aspect).putFloat(keptArea).put(thumb).put(colour)
                .put(detail);
        return b.array();
    }

    /**
     * Whether {@code bytes} are in this code's format. Format 1 (no 64x64 picture) was only ever written by an
     * unreleased build; such entries count as unsigned, so an incremental reindex signs them again.
     */
    static boolean current(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == FORMAT;
    }

    static RepostSignature decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.get() != FORMAT) {
            throw new IllegalArgumentException("unknown repost signature format");
        }
        long p = b.getLong(), d = b.getLong();
        float aspect = b.getFloat(), kept = b.getFloat();
        byte[] thumb = new byte[THUMB * THUMB];
        byte[] colour = new byte[3 * GRID * GRID];
        byte[] detail = new byte[DETAIL * DETAIL];
        b.get(thumb).get(colour).get(detail);
        return new RepostSignature(p, d, aspect, kept, thumb, colour, detail);
    }
}
