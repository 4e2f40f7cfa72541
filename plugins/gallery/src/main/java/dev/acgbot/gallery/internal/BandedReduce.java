package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;

import java.util.List;

/**
 * A posted picture reduced to the lookup's side in two bands of rows at once ({@link SharedWork}), stacked: pixel for
 * pixel {@link ImageOps#reduce}. The reduction of an upload three times the stored side was an eighth of a lookup's CPU
 * at 100k (JFR, DuplicateLookupScaleTest), and larger uploads cost more.
 */
final class BandedReduce {
    /** Below this many output rows a picture is reduced in one piece: the bands' shared filter rows would cost more. */
    static final int MIN_ROWS = 64;

    private BandedReduce() {
    }

    static DecodedImage reduce(DecodedImage image, int side, SharedWork work) {
        int[] size = ImageOps.reducedSize(image.width(), image.height(), side);
        int w = size[0], h = size[1];
        if (w == image.width() && h == image.height() || h < MIN_ROWS) {
            return ImageOps.reduce(image, side);
        }
        int half = h / 2;
        List<DecodedImage> bands = work.map(List.of(new int[]{0, half}, new int[]{half, h - half}),
                rows -> ImageOps.reducedRows(image, side, rows[0], rows[1]));
        int[] argb = new int[w * h];
        System.arraycopy(bands.get(0).argb(), 0, argb, 0, w * half);
        System.arraycopy(bands.get(1).argb(), 0, argb, w * half, w * (h - half));
        return new DecodedImage(w, h, argb, image.hasAlpha());
    }
}
