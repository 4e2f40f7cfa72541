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
 * whose edges the last stage compares (look-alike clip art is alike at 32x32); since format 3, the pHashes of the
 * {@link CropWindows crop windows} of the whole picture and where the trimmed picture lies in it, so a copy that kept
 * only 75 % of the picture still finds its source. 5,413 bytes per image, read only for candidates (the window hashes
 * also sit in memory).
 *
 * @param windows the pHashes of the {@link CropWindows} of the whole (untrimmed) picture; empty in a format-2 signature
 * @param box     where the trimmed picture lies in the whole one: x0, y0, x1, y1 as shares of its width and height
 *                (the whole picture in a format-2 signature)
 */
record RepostSignature(long trimmedPHash, long trimmedDHash, float aspect, float keptArea, byte[] thumb, byte[] colour,
                       byte[] detail, long[] windows, float[] box) {
    static final int THUMB = 32;
    static final int GRID = 4;
    /** The side of the grey picture the verifier's last stage compares edges on (see {@link DetailCheck}). */
    static final int DETAIL = 64;
    /** Format 3 adds the crop windows and the trim box after format 2's fields: a format-2 value is its prefix. */
    private static final byte FORMAT = 3;
    private static final byte FORMAT_WITHOUT_WINDOWS = 2;
    private static final float[] WHOLE = {0, 0, 1, 1};

    static RepostSignature of(DecodedImage reduced) {
        return of(reduced, true);
    }

    /**
     * @param withWindows false for a posted copy: the crop windows are what the gallery keeps, a lookup never compares
     *                    a copy's windows (25 pHashes: 2.8 ms of CPU per lookup at load 12, DuplicateLookupScaleTest)
     */
    static RepostSignature of(DecodedImage reduced, boolean withWindows) {
        DecodedImage flat = PerceptualHash.onWhite(reduced);
        return of(flat, Margins.trimBox(flat), withWindows);
    }

    /** The signature of {@code flat} (a picture without alpha) trimmed to {@code b}: a posted copy's other trim ({@link CornerTrim}). */
    static RepostSignature of(DecodedImage flat, Margins.Box b, boolean withWindows) {
        DecodedImage trimmed = Margins.crop(flat, b);
        return new RepostSignature(PerceptualHash.pHash(trimmed), PerceptualHash.dHash(trimmed),
                (float) trimmed.width() / trimmed.height(),
                (float) ((double) trimmed.width() * trimmed.height() / ((double) flat.width() * flat.height())),
                grey(trimmed, THUMB), rgbGrid(trimmed), grey(trimmed, DETAIL), withWindows ? CropWindows.pHashes(flat) : new long[0],
                new float[]{(float) b.x0() / flat.width(), (float) b.y0() / flat.height(), (float) b.x1() / flat.width(),
                        (float) b.y1() / flat.height()});
    }

    /** Whether this signature has crop windows (format 3; a format-2 one is kept until the next reindex signs again). */
    boolean hasWindows() {
        return windows.length == CropWindows.COUNT;
    }

    static byte[] grey(DecodedImage img, int side) {
        float[] g = ImageOps.toGray(ImageOps.resize(img, side, side, PreprocessSpec.Interpolation.BILINEAR));
        byte[] out = new byte[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = (byte) Math.round(g[i]);
        }
        return out;
    }

    static byte[] rgbGrid(DecodedImage img) {
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
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 8 + 4 + 4 + thumb.length + colour.length + detail.length
                + 8 * windows.length + 4 * box.length);
        b.put(hasWindows() ? FORMAT : FORMAT_WITHOUT_WINDOWS).putLong(trimmedPHash).putLong(trimmedDHash).putFloat(aspect)
                .putFloat(keptArea).put(thumb).put(colour).put(detail);
        if (hasWindows()) {
            for (long w : windows) {
                b.putLong(w);
            }
            for (float f : box) {
                b.putFloat(f);
            }
        }
        return b.array();
    }

    /**
     * Whether {@code bytes} are in this code's format. Format 1 (no 64x64 picture) was only ever written by an
     * unreleased build; such entries count as unsigned, so an incremental reindex signs them again. Format 2 (no crop
     * windows) is {@link #readable} but not current: the verifier still uses it, and the next reindex signs again.
     */
    static boolean current(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == FORMAT;
    }

    /** Whether {@link #decode} reads {@code bytes}: format 2 (without crop windows) or 3. */
    static boolean readable(byte[] bytes) {
        return bytes.length > 0 && (bytes[0] == FORMAT || bytes[0] == FORMAT_WITHOUT_WINDOWS);
    }

    static RepostSignature decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte format = b.get();
        if (format != FORMAT && format != FORMAT_WITHOUT_WINDOWS) {
            throw new IllegalArgumentException("unknown repost signature format");
        }
        long p = b.getLong(), d = b.getLong();
        float aspect = b.getFloat(), kept = b.getFloat();
        byte[] thumb = new byte[THUMB * THUMB];
        byte[] colour = new byte[3 * GRID * GRID];
        byte[] detail = new byte[DETAIL * DETAIL];
        b.get(thumb).get(colour).get(detail);
        if (format == FORMAT_WITHOUT_WINDOWS) {
            return new RepostSignature(p, d, aspect, kept, thumb, colour, detail, new long[0], WHOLE.clone());
        }
        long[] windows = new long[CropWindows.COUNT];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = b.getLong();
        }
        float[] box = new float[4];
        for (int i = 0; i < box.length; i++) {
            box[i] = b.getFloat();
        }
        return new RepostSignature(p, d, aspect, kept, thumb, colour, detail, windows, box);
    }
}
