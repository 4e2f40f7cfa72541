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
    private CropShortlist() {
    }

    /**
     * The candidates a crop window found, by turns best fit (ties: the closer window, then the sha256) and closest window
     * (ties: the sha256); the signatures are read through {@code signatures}, which the lookup reuses for the verifier. A
     * candidate without a signature (indexed before schema 2) has no fit.
     */
    static List<Map.Entry<String, HashRows.Near>> order(RepostVerifier.Query q, Map<String, HashRows.Near> near,
                                                        Function<String, Optional<RepostSignature>> signatures) {
        Map<String, Double> fit = new LinkedHashMap<>();
        near.forEach((sha, n) -> {
            if (n.byCropWindow()) {
                fit.put(sha, signatures.apply(sha).map(s -> CropPoses.fit(q, s, n.cropWindow())).orElse(-2.0));
            }
        });
        Comparator<Map.Entry<String, HashRows.Near>> byDistance = Comparator.comparingInt((Map.Entry<String, HashRows.Near> e) ->
                e.getValue().cropDistance()).thenComparing(Map.Entry::getKey);
        List<Map.Entry<String, HashRows.Near>> found = near.entrySet().stream().filter(e -> fit.containsKey(e.getKey())).toList();
        List<Map.Entry<String, HashRows.Near>> closest = found.stream().sorted(byDistance).toList();
        List<Map.Entry<String, HashRows.Near>> fitting = found.stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, HashRows.Near> e) -> -fit.get(e.getKey())).thenComparing(byDistance))
                .toList();
        Map<String, Map.Entry<String, HashRows.Near>> out = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            out.putIfAbsent(fitting.get(i).getKey(), fitting.get(i));
            out.putIfAbsent(closest.get(i).getKey(), closest.get(i));
        }
        return new ArrayList<>(out.values());
    }
}
