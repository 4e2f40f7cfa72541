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
 * The edits of a hit matched mirrored, named from the copy flipped back. Margins are trimmed in the colour of the top-left
 * corner ({@link Margins#trimBox}), which a mirror image does not keep: a flag drawn in the top-left of a transparent
 * canvas trims nothing (its corner is the flag's), while its mirror image, whose top-left corner is the canvas, trims the
 * canvas away. Such a copy fits its source only smaller, and a plain mirrored flag was named bordered and mirrored (the
 * evaluation's named column, colour sources, mirror: 0.81-0.91; docs/benchmarks.md, "Mirrored copies named, round 19").
 * Flipped back, the copy trims as its source did. Only naming: the hits, their similarities and their order stay as the
 * verifier left them.
 */
final class MirroredNames {
    /** The edits a trim that differs by the mirror alone can make up. */
    private static final Set<RepostEdit> FRAMING = EnumSet.of(RepostEdit.BORDER, RepostEdit.CROPPED, RepostEdit.STRETCHED);

    private MirroredNames() {
    }

    /**
     * {@code verdicts}, each mirrored one that names a framing edit ({@link #FRAMING}) named as the copy flipped back
     * explains it, when that explains it with fewer edits: every edit the flipped copy's verdict names, and mirrored.
     *
     * @param small         the copy as the lookup reduced it
     * @param signatures    the candidates' stored signatures
     * @param dHashEvidence per candidate, the dHash evidence the verifier was given ({@link HashRows.Near#dHashEvidence})
     */
    static Map<String, RepostVerifier.Verdict> named(DecodedImage small, Map<String, RepostVerifier.Verdict> verdicts,
                                                     Function<String, Optional<RepostSignature>> signatures,
                                                     ToIntFunction<String> dHashEvidence) {
        if (verdicts.values().stream().noneMatch(MirroredNames::framedMirror)) {
            return verdicts;
        }
        RepostVerifier.Query flipped = null; // made once, for the first such verdict
        Map<String, RepostVerifier.Verdict> out = new LinkedHashMap<>();
        for (Map.Entry<String, RepostVerifier.Verdict> e : verdicts.entrySet()) {
            RepostVerifier.Verdict v = e.getValue();
            if (framedMirror(v)) {
                flipped = flipped == null ? new RepostVerifier.Query(PerceptualHash.mirrored(small)) : flipped;
                RepostVerifier.Query q = flipped;
                v = signatures.apply(e.getKey())
                        .flatMap(s -> RepostVerifier.verify(q, s, dHashEvidence.applyAsInt(e.getKey())))
                        .filter(back -> fewer(back, e.getValue()))
                        .map(back -> renamed(e.getValue(), back))
                        .orElse(v);
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private static boolean framedMirror(RepostVerifier.Verdict v) {
        return v.edits().contains(RepostEdit.MIRRORED) && v.edits().stream().anyMatch(FRAMING::contains);
    }

    /** Whether the flipped copy's verdict, unmirrored, names only edits {@code v} names and fewer of them. */
    static boolean fewer(RepostVerifier.Verdict back, RepostVerifier.Verdict v) {
        Set<RepostEdit> rest = EnumSet.copyOf(v.edits());
        rest.remove(RepostEdit.MIRRORED);
        return !back.pose().mirror() && rest.containsAll(back.edits()) && back.edits().size() < rest.size();
    }

    /** {@code v} (its similarity, pose and edge turn) with the flipped copy's edits, and mirrored. */
    private static RepostVerifier.Verdict renamed(RepostVerifier.Verdict v, RepostVerifier.Verdict back) {
        EnumSet<RepostEdit> edits = EnumSet.of(RepostEdit.MIRRORED);
        edits.addAll(back.edits());
        return new RepostVerifier.Verdict(v.similarity(), v.pose(), Set.copyOf(edits), v.edgeTurn());
    }
}
