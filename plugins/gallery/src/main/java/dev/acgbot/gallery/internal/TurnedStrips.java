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
