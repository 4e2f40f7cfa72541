package dev.acgbot.gallery.internal;

/**
 * Empty pages: flat pictures as white as paper (issue 12, docs/benchmarks.md "False duplicates on other samples, round
 * 9"). The flat rule matches two flat pictures on their colour and dHash alone; between two white pages neither says
 * anything (every blank page hashes alike, p0 d0), so a copy that lost all its ink listed whichever blank pages the
 * gallery holds (openclipart has a dozen failed renders): a quarter crop of a page with one small letter "o" in a corner
 * listed five, a greyscale copy of the Dutch flag, trimmed to its white stripe (the grey stripes trim as margins), seven.
 * Such a match is not listed; flat pictures in a colour (a dark or tinted wallpaper) are matched as before.
 */
final class EmptyPages {
    /** Within this mean distance per channel of white (as the flat rule's colour tolerance), a flat picture is a blank page. */
    private static final double NEAR_WHITE = 12;

    private EmptyPages() {
    }

    /** Whether a flat picture's {@value RepostSignature#GRID}x{@value RepostSignature#GRID} colour grid is a blank page's. */
    static boolean blank(byte[] colour) {
        double s = 0;
        for (byte c : colour) {
            s += 255 - (c & 0xFF);
        }
        return s / colour.length < NEAR_WHITE;
    }
}
