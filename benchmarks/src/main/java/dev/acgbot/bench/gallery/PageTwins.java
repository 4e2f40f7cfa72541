package dev.acgbot.bench.gallery;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The hits of a query that are its source's <em>page twins</em>: the set's second export of the same drawing at another
 * page size. openclipart holds {@code saturn_dan_gerhards_01} twice, on a 933x800 page and cut close, and
 * {@code bamboo_01} on an A4 page beside {@code bamboo_danny_allen_r} cut close; a repost of either is a copy of both,
 * and the gallery lists the other as bordered or cropped (docs/benchmarks.md, "Page twins, round 22").
 * <p>
 * Decided from the two pictures alone, not by the gallery: each is cut to its ink (pixels more than {@value #INK}
 * levels off white in a channel), one must cover at least {@value #PAGE} times the share of its page the other does,
 * the two cuts must have the same shape within {@value #ASPECT} (log of the aspect ratios) and, both shrunk to {@value #SIDE}x{@value #SIDE}, differ by at most {@value #RELATIVE} of their ink (the
 * sum of their level differences against the mean of their sums of 255 - level) with 99 % of their levels within
 * {@value #P99}. Measured on every false pair the five samples printed in round 21 (62 pairs): the two above pass at
 * 0.023 and 0.045 of their ink (14 and 24 at the 99th percentile); the nearest that fail are a smiley with another mouth
 * (0.022, but 63), a network diagram with a label changed and its frame stretched (aspect 10 % apart, 0.107) and a card
 * of another deck (0.106, 124). Relative to the ink because a thin drawing is mostly paper: star polygons of other
 * point counts differ by only 1-2 levels on average and 13-27 at the 99th percentile, but by 0.29-0.68 of their ink
 * (a first version with an absolute bar of 3 levels took them for twins).
 */
final class PageTwins {
    /** A pixel further than this from white in any channel is ink. */
    static final int INK = 16;
    /** The most the two cuts' aspect ratios may differ, as |ln(a / b)|. */
    static final double ASPECT = 0.02;
    /** The most the two cuts' levels may differ, as a share of their ink. */
    static final double RELATIVE = 0.06;
    /**
     * How many times more of its page one picture's ink must cover than the other's: a page twin is on another page.
     * Two pictures on the same page with the same drawing are the same picture, which the pHash and the gallery's own
     * verdict already count; with no such bar, star polygons of 93 and 95 points, alike at 64x64, were counted. Every
     * star polygon fills its page alike: of the 1,375, the 126 pairs the other bars pass cover their pages at a ratio of
     * 1.000. 1.25 until round 48 left out two exports of one drawing on pages closer in size: a house on a 467- and a
     * 438-pixel square (ratio 1.14, 0.4 % of their ink apart) and a camera on A4 pages at 96 and 90 dpi, set a little
     * apart (1.13, 0.7 %); 1.06 lies halfway between 1.00 and 1.13 (docs/benchmarks.md, "Page twins on pages closer in
     * size, ... round 48").
     */
    static final double PAGE = 1.06;
    /** The most 99 % of the two cuts' levels may differ. */
    static final double P99 = 32;
    private static final int SIDE = 64;

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
    /** Each (source, picture) pair already decided: the same pairs come back in each of the 22 edits. */
    private final Map<String, Boolean> decided = new HashMap<>();
    private final Set<String> pairs = new java.util.TreeSet<>();

    /** The sha256 of each hit {@code others} leaves that is a page twin of {@code source}. */
    Set<String> of(DuplicateEval.Source source, List<DuplicateHit> hits, Predicate<DuplicateHit> others) {
        Set<String> twins = new HashSet<>();
        for (DuplicateHit h : hits) {
            if (others.test(h) && decided.computeIfAbsent(source.entry().sha256() + h.entry().sha256(), k -> sameDrawing(source, h))) {
                twins.add(h.entry().sha256());
            }
        }
        return twins;
    }

    /** Every pair found so far, "source -> twin", for the report. */
    Set<String> pairs() {
        return pairs;
    }

    private boolean sameDrawing(DuplicateEval.Source source, DuplicateHit h) {
        try {
            boolean same = sameDrawing(read(source.entry()), read(h.entry()));
            if (same) {
                pairs.add(source.entry().path() + " -> " + h.entry().path());
            }
            return same;
        } catch (ImageDecodeException | RuntimeException e) {
            return false; // a picture that cannot be read again is no twin: the hit stays false
        }
    }

    /** The picture as the set holds it, on white, at its own size: a reduction first would move the cut by a pixel. */
    private BufferedImage read(dev.acgbot.gallery.GalleryEntry e) throws ImageDecodeException {
        return DuplicateEval.toBuffered(DuplicateEval.onWhite(decoder.decode(e.path())));
    }

    /** Whether two pictures hold the same drawing on pages of other sizes, each cut to its ink (see the class comment). */
    static boolean sameDrawing(BufferedImage a, BufferedImage b) {
        Optional<BufferedImage> p = inked(a), q = inked(b);
        if (p.isEmpty() || q.isEmpty()) {
            return false;
        }
        double aspects = Math.abs(Math.log((double) p.get().getWidth() / p.get().getHeight() * q.get().getHeight() / q.get().getWidth()));
        double pages = Math.abs(Math.log(share(p.get(), a) / share(q.get(), b)));
        if (aspects > ASPECT || pages < Math.log(PAGE)) {
            return false;
        }
        BufferedImage x = small(p.get()), y = small(q.get());
        double[] d = differences(x, y);
        double ink = (ink(x) + ink(y)) / 2;
        Arrays.sort(d);
        return Arrays.stream(d).sum() <= RELATIVE * ink && d[(int) Math.ceil(0.99 * d.length) - 1] <= P99;
    }

    /** The picture cut to the box of its ink; none for a blank one. */
    static Optional<BufferedImage> inked(BufferedImage img) {
        int x0 = img.getWidth(), y0 = img.getHeight(), x1 = -1, y1 = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (255 - Math.min(rgb >> 16 & 0xFF, Math.min(rgb >> 8 & 0xFF, rgb & 0xFF)) > INK) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? Optional.empty() : Optional.of(img.getSubimage(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
    }

    /** The share of {@code page} its ink {@code cut} covers. */
    private static double share(BufferedImage cut, BufferedImage page) {
        return (double) cut.getWidth() * cut.getHeight() / ((double) page.getWidth() * page.getHeight());
    }

    private static BufferedImage small(BufferedImage img) {
        return DuplicateEval.toBuffered(ImageOps.resize(DuplicateEval.fromBuffered(img), SIDE, SIDE, PreprocessSpec.Interpolation.BILINEAR));
    }

    /** The sum of 255 - level over every R, G and B level of a {@value #SIDE}-square picture. */
    private static double ink(BufferedImage img) {
        double sum = 0;
        for (int rgb : img.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE)) {
            sum += 3 * 255 - (rgb >> 16 & 0xFF) - (rgb >> 8 & 0xFF) - (rgb & 0xFF);
        }
        return sum;
    }

    /** |a - b| of every R, G and B level of two pictures of one size. */
    private static double[] differences(BufferedImage a, BufferedImage b) {
        int[] p = a.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE), q = b.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
        double[] d = new double[3 * p.length];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < 3; c++) {
                d[3 * i + c] = Math.abs((p[i] >> 8 * c & 0xFF) - (q[i] >> 8 * c & 0xFF));
            }
        }
        return d;
    }
}
