package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The hits of a cropped copy that are its source's <em>crop twins</em>: other pictures of the set that hold the window
 * the copy was cut from pixel for pixel, so that the copy (before any later resize or re-encoding) is as much a crop of
 * them as of its source, and no method can tell which was posted. openclipart draws its bent arrows as outlines of one
 * pen and one head: {@code arrow3-2-1} (a U-turn, 420x470) is {@code arrow2-2-1} (an L, 420x370) with a longer leg,
 * so a quarter crop of the L that cuts its foot is a crop of the U, pixel for pixel (docs/benchmarks.md, "Crop twins,
 * round 52"). The flat theme's pen bars are not: a crop of {@code line_normal_begin} looks like {@code pen_width2},
 * bars as thick, but their anti-aliased edge rows lie 30 levels apart (201 and 105 against 170 and 135).
 * <p>
 * Decided from the pixels alone, at the size the evaluation cuts its copies ({@link DuplicateEval#SOURCE_SIDE}, on
 * white): every pixel of the window, R, G and B, equal to the picture's at some place. A window of one colour is nobody's
 * crop twin: it lies in any picture with as large a patch of that colour. Counted as the source's twins (recall, not
 * strict; not false duplicates), as {@link EditTwins} are; looked at only for hits that are neither the source nor a
 * twin, so only misses and false duplicates pay for reading a picture.
 */
final class CropTwins {
    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    /**
     * The sha256 of each hit in {@code hits} that {@code others} leaves and that holds {@code window} of {@code source}
     * pixel for pixel.
     */
    Set<String> of(BufferedImage source, Rectangle window, List<DuplicateHit> hits, Predicate<DuplicateHit> others) {
        Set<String> twins = new HashSet<>();
        for (DuplicateHit h : hits) {
            if (!others.test(h)) {
                continue;
            }
            try {
                if (twin(source, window, read(h.entry().path()))) {
                    twins.add(h.entry().sha256());
                }
            } catch (ImageDecodeException | RuntimeException e) {
                // a picture that cannot be read again is no twin: the hit stays false
            }
        }
        return twins;
    }

    /** The picture at {@code file} as the evaluation cuts its copies: on white, reduced to {@link DuplicateEval#SOURCE_SIDE}. */
    BufferedImage read(Path file) throws ImageDecodeException {
        return DuplicateEval.toBuffered(DuplicateEval.asSource(decoder, file));
    }

    /** Whether {@code picture} holds {@code window} of {@code source} pixel for pixel, the window not of one colour. */
    static boolean twin(BufferedImage source, Rectangle window, BufferedImage picture) {
        int[] cut = source.getRGB(window.x, window.y, window.width, window.height, null, 0, window.width);
        return !flat(cut) && holds(picture, cut, window.width, window.height);
    }

    /** Whether {@code picture} holds the {@code w} x {@code h} pixels {@code cut} (rows in turn) somewhere, R, G and B equal. */
    private static boolean holds(BufferedImage picture, int[] cut, int w, int h) {
        int pw = picture.getWidth(), ph = picture.getHeight();
        if (w > pw || h > ph) {
            return false;
        }
        int[] px = picture.getRGB(0, 0, pw, ph, null, 0, pw);
        // the first pixel unlike the window's first: most places fail on it or on the first
        int anchor = 1;
        while (rgb(cut[anchor]) == rgb(cut[0])) {
            anchor++;
        }
        int ax = anchor % w, ay = anchor / w;
        for (int y = 0; y + h <= ph; y++) {
            for (int x = 0; x + w <= pw; x++) {
                if (rgb(px[(y + ay) * pw + x + ax]) == rgb(cut[anchor]) && rgb(px[y * pw + x]) == rgb(cut[0])
                        && at(px, pw, x, y, cut, w, h)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean at(int[] px, int pw, int x, int y, int[] cut, int w, int h) {
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                if (rgb(px[(y + row) * pw + x + col]) != rgb(cut[row * w + col])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int rgb(int argb) {
        return argb & 0xFFFFFF;
    }

    private static boolean flat(int[] cut) {
        for (int p : cut) {
            if (rgb(p) != rgb(cut[0])) {
                return false;
            }
        }
        return true;
    }
}
