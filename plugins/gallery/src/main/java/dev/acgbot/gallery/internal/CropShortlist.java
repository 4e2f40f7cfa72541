package dev.acgbot.gallery.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order in which the candidates a {@link CropWindows crop window} found are verified: by turns, the next best by how
 * well the copy fits the candidate's thumbnail as a crop there ({@link CropPoses#fit}) and the next closest by the
 * window's hash distance. Plain drawings on white share their windows' pHashes: in a throwaway diagnosis (300 quarter
 * crops of 150 non-star sources, seed 77) 25 of the 49 crops whose source was not found first had the source's window
 * within the radius but 11-100 other pictures' windows as close, so it was never among the
 * {@link DefaultGallery#CROP_SLOTS} verified. Among the candidates the hash scan keeps, the source ranks in the first 4 by
 * that fit for 284 of the 295 crops it reaches, in the first 8 by distance for 251. The distance keeps its turns because
 * the fit alone lost copies the distance had ranked first (a crop 10 % and a crop+resize+JPEG copy of the evaluation:
 * docs/benchmarks.md, "Crop 25 %, round 9").
 */
final class CropShortlist {
    /**
     * Candidates whose fit is taken, the closest by window: as many as the hash scan keeps by window for one view of the
     * copy. The lookup's candidates found by their whole hashes or turned windows often lie within the crop radius too
     * (at 100k synthetic pictures of strokes on white, nearly all of them), and are verified on those hashes anyway.
     */
    static final int FITTED = HashRows.Probe.KEPT;

    private CropShortlist() {
    }

    /**
     * The candidates a crop window found, by turns best fit (ties: the closer window, then the sha256) and closest window
     * (ties: the sha256); the signatures are read through {@code signatures}, which the lookup reuses for the verifier. Only the
     * {@value #FITTED} closest are fitted; the others, and a candidate without a signature (indexed before schema 2), have
     * no fit.
     */
    static List<Map.Entry<String, HashRows.Near>> order(RepostVerifier.Query q, Map<String, HashRows.Near> near,
                                                        Function<String, Optional<RepostSignature>> signatures) {
        return order(q, near, signatures, SharedWork.CALLER);
    }

    /** As {@link #order(RepostVerifier.Query, Map, Function)}, the fits pieces of {@code work} (the signatures read first, in order). */
    static List<Map.Entry<String, HashRows.Near>> order(RepostVerifier.Query q, Map<String, HashRows.Near> near,
                                                        Function<String, Optional<RepostSignature>> signatures, SharedWork work) {
        Comparator<Map.Entry<String, HashRows.Near>> byDistance = Comparator.comparingInt((Map.Entry<String, HashRows.Near> e) ->
                e.getValue().cropDistance()).thenComparing(Map.Entry::getKey);
        List<Map.Entry<String, HashRows.Near>> closest = near.entrySet().stream().filter(e -> e.getValue().byCropWindow())
                .sorted(byDistance).toList();
        List<Map.Entry<String, HashRows.Near>> fitted = closest.subList(0, Math.min(FITTED, closest.size()));
        List<Optional<RepostSignature>> signed = fitted.stream().map(e -> signatures.apply(e.getKey())).toList();
        List<Double> fits = work.map(java.util.stream.IntStream.range(0, fitted.size()).boxed().toList(),
                i -> signed.get(i).map(s -> CropPoses.fit(q, s, fitted.get(i).getValue().cropWindow())).orElse(-2.0));
        Map<String, Double> fit = new LinkedHashMap<>();
        for (int i = 0; i < closest.size(); i++) {
            fit.put(closest.get(i).getKey(), i < fits.size() ? fits.get(i) : -2.0);
        }
        List<Map.Entry<String, HashRows.Near>> fitting = closest.stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, HashRows.Near> e) -> -fit.get(e.getKey())).thenComparing(byDistance))
                .toList();
        Map<String, Map.Entry<String, HashRows.Near>> out = new LinkedHashMap<>();
        for (int i = 0; i < closest.size(); i++) {
            out.putIfAbsent(fitting.get(i).getKey(), fitting.get(i));
            out.putIfAbsent(closest.get(i).getKey(), closest.get(i));
        }
        return new ArrayList<>(out.values());
    }
}
