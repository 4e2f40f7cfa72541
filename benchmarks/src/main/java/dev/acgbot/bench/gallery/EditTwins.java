package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The hits of a query that are its source's <em>edit twins</em>: other pictures of the set that, put through the same
 * edit with the same random draws, give the copy itself ({@value #SAME} correlation or more, and at most
 * {@value #MAX_DIFFERENCE} levels apart on average), the edit having erased what told the two apart ({@link #erased}),
 * so that no method can tell which of them was posted. openclipart's card decks differ by their paper: the "simple" deck's cream (244, 247, 220)
 * brightened by a fifth, or contrasted by 30 %, turns white, and the copy is then the white deck's card as much as its
 * own (docs/benchmarks.md, "Edit twins, round 20"). Counted as the source's twins (recall, not strict; not false
 * duplicates); looked at only for hits that are neither the source nor a twin, so only misses and false duplicates pay
 * for reading a picture.
 */
final class EditTwins {
    /** Pearson correlation of the two copies' pixels (R, G and B) at which they may be the same copy. */
    static final double SAME = 0.995;
    /**
     * And the most their levels may differ on average: correlation alone forgives a tint (a cream card resized beside a
     * white one correlates at 0.99 and more once a third of it is ink, 18 levels apart on average).
     */
    static final double MAX_DIFFERENCE = 2;
    /** The side both copies are compared at when their sizes differ. */
    private static final int SIDE = 64;

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());

    /**
     * The sha256 of each hit in {@code hits} that {@code others} leaves (neither the source nor a twin of it) and that
     * {@code edit}, replayed from {@code draws} (the random state {@code copy} was made of {@code source} from), turns into
     * {@code copy} ({@link #erased}).
     */
    Set<String> of(RepostEdits.Edit edit, Random draws, BufferedImage source, BufferedImage copy, List<DuplicateHit> hits,
                   Predicate<DuplicateHit> others) {
        Set<String> twins = new HashSet<>();
        for (DuplicateHit h : hits) {
            if (!others.test(h)) {
                continue;
            }
            try {
                BufferedImage picture = DuplicateEval.toBuffered(DuplicateEval.asSource(decoder, h.entry().path()));
                if (erased(source, picture, copy, edit.make().apply(picture, replayed(draws)).image())) {
                    twins.add(h.entry().sha256());
                }
            } catch (ImageDecodeException | RuntimeException e) {
                // a picture that cannot be read again is no twin: the hit stays false
            }
        }
        return twins;
    }

    /** A random generator that draws what {@code r} would draw next, leaving {@code r} as it is. */
    static Random replayed(Random r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(r);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Random) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the edit erased what told {@code source} and {@code other} apart: their copies are the {@link #same} picture,
     * and differ by at most {@value #ERASED} of what the pictures themselves differ by. A black border or letterbox bars
     * added to two star polygons raise their correlation past {@value #SAME} and shrink their mean difference with the
     * share of the bars, but leave the lines that tell them apart as they were.
     */
    static boolean erased(BufferedImage source, BufferedImage other, BufferedImage copy, BufferedImage otherCopy) {
        if (!sameShape(copy, otherCopy)) {
            return false;
        }
        double[] p = atOneSize(copy, otherCopy), q = atOneSize(otherCopy, copy);
        if (!same(p, q)) {
            return false;
        }
        double before = sameShape(source, other) ? difference(atOneSize(source, other), atOneSize(other, source)) : Double.MAX_VALUE;
        return difference(p, q) <= ERASED * before;
    }

    /** The share of the pictures' own difference their copies may keep and be edit twins. */
    static final double ERASED = 0.25;

    private static boolean sameShape(BufferedImage a, BufferedImage b) {
        return Math.abs((double) a.getWidth() / a.getHeight() - (double) b.getWidth() / b.getHeight()) <= 0.01 * a.getWidth() / a.getHeight();
    }

    /** {@code a}'s R, G and B levels, shrunk to {@value #SIDE}x{@value #SIDE} unless {@code b} is its size. */
    private static double[] atOneSize(BufferedImage a, BufferedImage b) {
        return levels(a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight() ? a : small(a));
    }

    /**
     * Whether two pictures are the same copy: their R, G and B correlate at {@value #SAME} or more and differ by at most
     * {@value #MAX_DIFFERENCE} levels on average, pixel by pixel when their sizes are equal, else both shrunk (bilinear, as
     * PIL shrinks) to {@value #SIDE}x{@value #SIDE}; never when their shapes differ by more than a pixel in a hundred.
     */
    static boolean same(BufferedImage a, BufferedImage b) {
        return sameShape(a, b) && same(atOneSize(a, b), atOneSize(b, a));
    }

    /** {@link #same} on two pictures' levels ({@link #atOneSize}); never for a flat one. */
    private static boolean same(double[] p, double[] q) {
        return !flat(p) && !flat(q) && RepostEdits.correlation(p, q) >= SAME && difference(p, q) <= MAX_DIFFERENCE;
    }

    /** The mean absolute difference of two pictures' R, G and B levels. */
    static double difference(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(p[i] - q[i]);
        }
        return sum / p.length;
    }

    private static boolean flat(double[] levels) {
        return java.util.Arrays.stream(levels).allMatch(v -> v == levels[0]);
    }

    private static BufferedImage small(BufferedImage img) {
        return DuplicateEval.toBuffered(ImageOps.resize(DuplicateEval.fromBuffered(img), SIDE, SIDE, PreprocessSpec.Interpolation.BILINEAR));
    }

    /** R, G and B of every pixel, in turn. */
    private static double[] levels(BufferedImage img) {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        double[] out = new double[3 * px.length];
        for (int i = 0; i < px.length; i++) {
            out[3 * i] = px[i] >> 16 & 0xFF;
            out[3 * i + 1] = px[i] >> 8 & 0xFF;
            out[3 * i + 2] = px[i] & 0xFF;
        }
        return out;
    }
}
