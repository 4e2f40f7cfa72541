package dev.acgbot.gallery.cli;

import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Renders reindex progress as one carriage-return line, e.g.
 * {@code indexing [##########----------]  512/1024  50%  85.3/s  ETA 0:06}. At most ten redraws a second.
 */
public final class ConsoleProgressBar implements ReindexListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private long lastDraw;
    private ReindexProgress.Phase lastPhase;
    private int lastLength;

    public ConsoleProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onProgress(ReindexProgress p) {
        long now = System.nanoTime();
        boolean phaseChanged = p.phase() != lastPhase;
        boolean finished = p.total() > 0 && p.done() >= p.total();
        if (!phaseChanged && !finished && now - lastDraw < 100_000_000L) {
            return;
        }
        if (phaseChanged && lastPhase != null) {
            out.print('\n');
            lastLength = 0;
        }
        lastPhase = p.phase();
        lastDraw = now;
        if (p.phase() == ReindexProgress.Phase.DONE) {
            return;
        }
        String line = render(p);
        // pad so a shorter line fully covers the previous one
        out.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Ends the bar's line before other output. */
    public synchronized void finish() {
        if (lastLength > 0) {
            out.print('\n');
            out.flush();
            lastLength = 0;
        }
    }

    static String render(ReindexProgress p) {
        String phase = p.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (p.total() <= 0) {
            return String.format(Locale.ROOT, "%-14s %d files", phase, p.done());
        }
        double fraction = Math.min(1.0, (double) p.done() / p.total());
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String rate = p.ratePerSec() > 0 ? String.format(Locale.ROOT, "  %.1f/s", p.ratePerSec()) : "";
        long eta = p.eta().toSeconds();
        String etaText = p.ratePerSec() > 0 && p.done() < p.total()
                ? String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60) : "";
        return String.format(Locale.ROOT, "%-14s [%s] %d/%d %3.0f%%%s%s", phase, bar, p.done(), p.total(), fraction * 100, rate, etaText);
    }
}
