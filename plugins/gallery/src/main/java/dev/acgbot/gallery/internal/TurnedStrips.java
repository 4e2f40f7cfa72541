package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.OptionalDouble;

/**
 * A thin strip (a map symbol's wall or barn, a rule) turned on its canvas. Turned by 3°, a bar six times as long as it is
 * high trims to a box a third taller than the bar, in which it lies as a diagonal: its pHash moves 24-25 bits, the
 * fixed turns of {@link TurnedWindows} (0°, ±5°, ±10°) miss it by two degrees (from end to end, a quarter of the bar's
 * height), and no start of the pose search lies near it (the map symbols `wall_0` and `barn_0`, `--sample-seed 200`
 * rotate 3°; docs/benchmarks.md "Turned strips, round 32"). The turn of a strip is read off its ink instead: the principal
 * axis of the darkness below white, 3.00° for the wall's copy and 3.07° for the barn's. Nothing is stored: the turn seeds
 * the pose search ({@link TurnedWindows#seed}), picks the candidates a lookup that found nothing tries once more
 * ({@link CrowdedCrops}), and sizes the strip for the comparison at its own pixels ({@link TinyCheck}).
 */
final class TurnedStrips {
    /**
     * Length over width of the ink (the square root of its second moments' ratio) from which a picture is a strip: the
     * barn's bar is 4.8, the wall's 5.8; an ornament turned by 10° read 5.0 (its turn 10.6°).
     */
    static final double ELONGATED = 4.5;
    /** The turns read: below this the pose search's own descent turns the strip; above it, more than reposts turn. */
    static final double LEAST_TURN = Math.toRadians(1), MOST_TURN = Math.toRadians(12);
    /** Levels below white that count as ink: a JPEG's ringing on white stays within a few. */
    private static final int INK = 24;

    private TurnedStrips() {
    }

    /**
     * The turn, as {@link TurnedWindows#turned} and {@link TurnedWindows#seed} take it, that lays the strip inside
     * {@code trim} of {@code flat} (no alpha) straight along either axis; none for a picture less than {@value #ELONGATED}
     * times as long as wide, or turned less than {@link #LEAST_TURN} or more than {@link #MOST_TURN}.
     */
    static OptionalDouble turn(DecodedImage flat, Margins.Box trim) {
        return turn(Spread.of(flat, trim));
    }

    private static OptionalDouble turn(Spread s) {
        if (s == null || s.minor() <= 0 || s.major() / s.minor() < ELONGATED * ELONGATED) {
            return OptionalDouble.empty();
        }
        // how far the major axis lies from the nearer of the picture's axes
        double off = s.axis() - Math.round(s.axis() / (Math.PI / 2)) * (Math.PI / 2);
        if (Math.abs(off) < LEAST_TURN || Math.abs(off) > MOST_TURN) {
            return OptionalDouble.empty();
        }
        // TurnedWindows.turned samples the copy at R(-θ)p: a direction at angle `off` comes out straight at θ = -off
        return OptionalDouble.of(-off);
    }

    /**
     * {@code flat} (no alpha) turned by {@code turn} ({@link #turn}) about its centre, on its own canvas, white where the turn
     * leaves it: a strip turned on its canvas laid straight again, as its source lies. Turned by 10°, a map symbol's bar
     * six times as long as high trims to a box twice as high as the bar, whose hashes lie past every radius and whose
     * thumbnail no pose on the source's can hold (its window twice the source's height falls mostly outside it): the
     * symbol `wall_0` was not even a candidate (`--sample-seed 200` rotate 10°, docs/benchmarks.md "Strips laid straight,
     * round 37").
     */
    static Straight straightened(DecodedImage flat, Margins.Box trim, double turn) {
        DecodedImage image = TurnedWindows.turned(flat, new Margins.Box(0, 0, flat.width(), flat.height()), turn);
        Margins.Box trimmed = Margins.trimBox(image), solved = straightBox(flat.width(), flat.height(), trim, turn);
        return new Straight(image, blurredBy(trimmed, solved) ? solved : trimmed);
    }

    /**
     * A strip laid straight, and where it lies: where the box its turned trim box had straight ({@link #straightBox}) lies
     * inside the box it trims to by at most {@value #BLUR} pixels a side, that box (the turn there and back blurs a row
     * either side: the wall's bar, 16 pixels high, trimmed to 18 laid straight, and its edges on the 64-cell grid agreed with
     * its source's at 0.85; solved, its source's box to the pixel); otherwise its own trim. An ornament of loops on a line is
     * no rectangle, and its turned box solves to a strip 4 pixels high where it is 16; a small bar on a page the store keeps
     * whole trims to the page.
     */
    record Straight(DecodedImage image, Margins.Box box) {
    }

    /** The most pixels a side by which a strip's trim laid straight may exceed its solved box ({@link Straight}). */
    static final int BLUR = 2;

    private static boolean blurredBy(Margins.Box trimmed, Margins.Box solved) {
        int left = solved.x0() - trimmed.x0(), top = solved.y0() - trimmed.y0();
        int right = trimmed.x1() - solved.x1(), bottom = trimmed.y1() - solved.y1();
        return Math.min(Math.min(left, right), Math.min(top, bottom)) >= 0
                && Math.max(Math.max(left, right), Math.max(top, bottom)) <= BLUR;
    }

    /**
     * The box of the strip straight whose turn by {@code turn} ({@link TurnedWindows#turned}'s way) on a {@code w} x
     * {@code h} canvas has the bounding box {@code trim}: its sides solved from the turned box's (a side {@code a} by
     * {@code b} turned by θ spans {@code a cos θ + b sin θ} by {@code a sin θ + b cos θ}), its centre the trim box's turned
     * about the canvas's centre. The wall's bar, 106x16 pixels, turned by 10° trims to 108x34; solved, 106.9x15.7.
     */
    static Margins.Box straightBox(int w, int h, Margins.Box trim, double turn) {
        double cos = Math.cos(turn), sin = Math.sin(turn), across = Math.abs(sin), det = cos * cos - sin * sin;
        double a = (trim.width() * cos - trim.height() * across) / det;
        double b = (trim.height() * cos - trim.width() * across) / det;
        // the centre: TurnedWindows.turned shows the copy's point q at R(θ)q, from the canvas's centre
        double qx = (trim.x0() + trim.x1()) / 2.0 - w / 2.0, qy = (trim.y0() + trim.y1()) / 2.0 - h / 2.0;
        double px = w / 2.0 + cos * qx - sin * qy, py = h / 2.0 + sin * qx + cos * qy;
        double halfA = Math.max(a, 1) / 2, halfB = Math.max(b, 1) / 2;
        int x0 = Math.clamp(Math.round(px - halfA), 0, w - 1), y0 = Math.clamp(Math.round(py - halfB), 0, h - 1);
        int x1 = Math.clamp(Math.round(px + halfA), x0 + 1, w), y1 = Math.clamp(Math.round(py + halfB), y0 + 1, h);
        return new Margins.Box(x0, y0, x1, y1);
    }

    /**
     * The area in pixels of the strip {@code trimmed} (no alpha) holds, laid straight: its length times its width from the
     * ink's second moments (a solid bar's variance along a side is the side squared over 12); the trimmed picture's own
     * area when it is no strip turned as {@link #turn} reads turns. The wall's bar turned by 3° trims to 108x22 pixels,
     * 2,376, and lies straight in 109x19, 2,079.
     */
    static double straightArea(DecodedImage trimmed) {
        Spread s = Spread.of(trimmed, new Margins.Box(0, 0, trimmed.width(), trimmed.height()));
        return turn(s).isEmpty() ? (double) trimmed.width() * trimmed.height() : 12 * Math.sqrt(s.major() * s.minor());
    }

    /** The ink's variance along its major and its minor axis, and the major axis's angle from the x axis (y down). */
    private record Spread(double major, double minor, double axis) {
        /** The spread of the ink inside {@code box} of {@code flat}; null when there is none. */
        static Spread of(DecodedImage flat, Margins.Box box) {
            int w = flat.width();
            int[] px = flat.argb();
            double sum = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            for (int y = box.y0(); y < box.y1(); y++) {
                for (int x = box.x0(); x < box.x1(); x++) {
                    int p = px[y * w + x];
                    double ink = 255 - (0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF));
                    if (ink < INK) {
                        continue;
                    }
                    sum += ink;
                    sx += ink * x;
                    sy += ink * y;
                    sxx += ink * x * x;
                    syy += ink * y * y;
                    sxy += ink * x * y;
                }
            }
            if (sum == 0) {
                return null;
            }
            double mx = sx / sum, my = sy / sum;
            double vxx = sxx / sum - mx * mx, vyy = syy / sum - my * my, vxy = sxy / sum - mx * my;
            double mean = (vxx + vyy) / 2, spread = Math.hypot((vxx - vyy) / 2, vxy);
            return new Spread(mean + spread, mean - spread, 0.5 * Math.atan2(2 * vxy, vxx - vyy));
        }
    }
}
