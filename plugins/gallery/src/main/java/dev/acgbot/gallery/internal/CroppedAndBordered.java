package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hits named both cropped and bordered, weakly, below a better hit, in an edited copy's list: a look-alike, not a second
 * copy. A pose that cuts the candidate on one side and runs past it on another is how a sibling icon fits a blurred or
 * shrunken copy (music notes, a pencil and a colour line, playing cards: 0.950-0.966), and in the evaluation's lists that
 * hold a false duplicate, 15 such hits lay below {@value #SURE}, no source did. Only a hit that another outscores is left
 * out, so a crop's own source, alone or first, always stays: on three samples no recall changed, and blur and resize 25 %
 * of line art went from 0.065-0.077 false duplicates a query to 0.000-0.026 (docs/benchmarks.md, "Cropped and bordered,
 * round 13"). Not for a posted picture that is itself in the gallery, which lists every stored repost, as
 * {@link Outscored} leaves them.
 */
final class CroppedAndBordered {
    /** The edge agreement from which a hit named cropped and bordered stays whatever outscores it. */
    static final double SURE = 0.97;

    private CroppedAndBordered() {
    }

    static Map<String, RepostVerifier.Verdict> without(Map<String, RepostVerifier.Verdict> verdicts) {
        double best = verdicts.values().stream().mapToDouble(RepostVerifier.Verdict::similarity).max().orElse(0);
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>(verdicts);
        kept.values().removeIf(v -> v.edits().contains(RepostEdit.CROPPED) && v.edits().contains(RepostEdit.BORDER)
                && v.similarity() < SURE && v.similarity() < best);
        return kept;
    }
}
