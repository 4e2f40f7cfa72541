package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.models.image.DecodedImage;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The edits of a hit named bordered whose copy has a mark in its margin, named as a reply names them. The mark widens the
 * copy's trim, so the drawing takes a smaller share of the copy's trimmed picture and the pose reaches past the source:
 * a watermarked icon was named bordered (the evaluation's named column, text watermark and watermark top-left: 17 such
 * copies over three samples). With the mark painted over ({@link MarginMarks#erased}) the copy trims as its source did;
 * a verdict on that copy that needs fewer framing edits names the hit, and watermarked. Only naming, after the hits are
 * ordered (docs/benchmarks.md, "Watermarked copies named, round 19").
 */
final class MarkedNames {
    private MarkedNames() {
    }

    /**
     * {@code verdicts}, each one named bordered renamed as the copy with its margin mark painted over explains it, when that
     * needs fewer edits: its edits, and watermarked.
     *
     * @param small         the copy as the lookup reduced it
     * @param signatures    the candidates' stored signatures
     * @param dHashEvidence per candidate, the dHash evidence the verifier was given ({@link HashRows.Near#dHashEvidence})
     */
    static Map<String, RepostVerifier.Verdict> named(DecodedImage small, Map<String, RepostVerifier.Verdict> verdicts,
                                                     Function<String, Optional<RepostSignature>> signatures,
                                                     ToIntFunction<String> dHashEvidence) {
        if (verdicts.values().stream().noneMatch(v -> v.edits().contains(RepostEdit.BORDER))) {
            return verdicts;
        }
        Optional<RepostVerifier.Query> unmarked = MarginMarks.erased(PerceptualHash.onWhite(small)).map(RepostVerifier.Query::new)
                .filter(u -> !u.flat);
        if (unmarked.isEmpty()) {
            return verdicts;
        }
        Map<String, RepostVerifier.Verdict> out = new LinkedHashMap<>();
        verdicts.forEach((sha, v) -> out.put(sha, v.edits().contains(RepostEdit.BORDER) ? signatures.apply(sha)
                .flatMap(s -> RepostVerifier.verify(unmarked.get(), s, dHashEvidence.applyAsInt(sha)))
                .filter(back -> fewer(back, v))
                .map(back -> marked(v, back))
                .orElse(v) : v));
        return out;
    }

    /** Whether the unmarked copy's verdict names only edits {@code v} names (but a mark), and fewer of them. */
    static boolean fewer(RepostVerifier.Verdict back, RepostVerifier.Verdict v) {
        return back.pose().mirror() == v.pose().mirror() && v.namesMoreThan(back, RepostEdit.WATERMARKED);
    }

    /** {@code v} with the unmarked copy's edits, and watermarked. */
    private static RepostVerifier.Verdict marked(RepostVerifier.Verdict v, RepostVerifier.Verdict back) {
        EnumSet<RepostEdit> edits = EnumSet.of(RepostEdit.WATERMARKED);
        edits.addAll(back.edits());
        return v.withEdits(edits);
    }
}
