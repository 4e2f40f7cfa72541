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
 * The edits of a hit matched mirrored, named as a reply names them. Only naming: the hits, their similarities and their
 * order stay as the verifier left them (named unmirrored inside the pose search, before the look-alikes were weighed, star
 * polygons, which are their own mirror images, listed up to 0.9 more false duplicates a query). Two renamings, in turn:
 * <ul>
 * <li>From the copy flipped back, for a verdict that also names a framing edit ({@link #FRAMING}). Margins are trimmed
 * in the colour of the top-left corner ({@link Margins#trimBox}), which a mirror image does not keep: a flag drawn in
 * the top-left of a transparent canvas trims nothing (its corner is the flag's), while its mirror image, whose top-left
 * corner is the canvas, trims the canvas away and fits the flag only smaller, so a plain mirrored flag was named bordered
 * and mirrored. Flipped back, the copy trims as its source did.</li>
 * <li>Not mirrored, where the verdict's mirrored pose fits nearly as well unmirrored ({@link RepostVerifier#mirrorSeen}):
 * the copy of a picture that is its own mirror image. A verdict found on the copy trimmed as its mirror image trims
 * ({@link MirroredTrims}) is weighed on that view too: on the copy as posted, Pakistan's mirrored flag keeps the white
 * band its source's trim took, and its pose, found on the view without it, fits there no better mirrored.</li>
 * </ul>
 * docs/benchmarks.md, "Mirrored copies named, round 19".
 */
final class MirroredNames {
    /** The edits a trim that differs by the mirror alone can make up. */
    private static final Set<RepostEdit> FRAMING = EnumSet.of(RepostEdit.BORDER, RepostEdit.CROPPED, RepostEdit.STRETCHED);

    private MirroredNames() {
    }

    /**
     * {@code verdicts}, each mirrored one renamed: first as the copy flipped back explains it, when it also names a
     * framing edit and that explains it with fewer edits; then without the mirror, when the copy's pose fits as well
     * unmirrored.
     *
     * @param small         the copy as the lookup reduced it
     * @param query         the copy as the verifier compared it
     * @param signatures    the candidates' stored signatures
     * @param dHashEvidence per candidate, the dHash evidence the verifier was given ({@link HashRows.Near#dHashEvidence})
     */
    static Map<String, RepostVerifier.Verdict> named(DecodedImage small, RepostVerifier.Query query, Map<String, RepostVerifier.Verdict> verdicts,
                                                     Function<String, Optional<RepostSignature>> signatures,
                                                     ToIntFunction<String> dHashEvidence) {
        if (verdicts.values().stream().noneMatch(v -> v.edits().contains(RepostEdit.MIRRORED))) {
            return verdicts;
        }
        RepostVerifier.Query flipped = null; // made once, for the first verdict that needs it
        Optional<RepostVerifier.Query> trimmedAsMirror = null; // likewise
        Map<String, RepostVerifier.Verdict> out = new LinkedHashMap<>();
        for (Map.Entry<String, RepostVerifier.Verdict> e : verdicts.entrySet()) {
            RepostVerifier.Verdict v = e.getValue();
            Optional<RepostSignature> signature = v.edits().contains(RepostEdit.MIRRORED) ? signatures.apply(e.getKey()) : Optional.empty();
            if (signature.isPresent() && framed(v)) {
                flipped = flipped == null ? new RepostVerifier.Query(PerceptualHash.mirrored(small)) : flipped;
                RepostVerifier.Verdict asFlipped = v;
                v = RepostVerifier.verify(flipped, signature.get(), dHashEvidence.applyAsInt(e.getKey()))
                        .filter(back -> fewer(back, asFlipped))
                        .map(back -> withEdits(asFlipped, back.edits(), true))
                        .orElse(v);
            }
            if (signature.isPresent() && v.pose().mirror() && !RepostVerifier.mirrorSeen(query, signature.get(), v.pose())) {
                if (trimmedAsMirror == null) {
                    trimmedAsMirror = MirroredTrims.query(small, query);
                }
                RepostVerifier.Verdict unnamed = v;
                boolean seen = trimmedAsMirror.filter(m -> RepostVerifier.mirrorSeen(m, signature.get(), unnamed.pose())).isPresent();
                v = seen ? v : withEdits(v, v.edits(), false);
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private static boolean framed(RepostVerifier.Verdict v) {
        return v.edits().stream().anyMatch(FRAMING::contains);
    }

    /** Whether the flipped copy's verdict, unmirrored, names only edits {@code v} names and fewer of them. */
    static boolean fewer(RepostVerifier.Verdict back, RepostVerifier.Verdict v) {
        return !back.pose().mirror() && v.namesMoreThan(back, RepostEdit.MIRRORED);
    }

    /** {@code v} naming {@code edits}, mirrored or not. */
    private static RepostVerifier.Verdict withEdits(RepostVerifier.Verdict v, Set<RepostEdit> edits, boolean mirrored) {
        EnumSet<RepostEdit> named = EnumSet.noneOf(RepostEdit.class);
        named.addAll(edits);
        if (mirrored) {
            named.add(RepostEdit.MIRRORED);
        } else {
            named.remove(RepostEdit.MIRRORED);
        }
        return v.withEdits(named);
    }
}
