package dev.acgbot.gallery.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order in which the candidates a {@link CropWindows crop window} found are verified: by how well the copy fits the
 * candidate's thumbnail as a quarter crop there ({@link CropPoses#fit}), not by the window's hash distance. Plain
 * drawings on white share their windows' pHashes: in a throwaway diagnosis (300 quarter crops of 150 non-star sources,
 * seed 77) 25 of the 49 crops whose source was not found first had the source's window within the radius but 11-100
 * other pictures' windows as close, so it was never among the {@link DefaultGallery#CROP_SLOTS} verified. Among the
 * candidates the hash scan keeps, the source ranks in the first 8 by distance for 251 of the 295 crops it reaches, by
 * this fit for 284 (docs/benchmarks.md, "Crop 25 %, round 9").
 */
final class CropShortlist {
    private CropShortlist() {
    }

    /**
     * The candidates a crop window found, best fit first (ties: the closer window, then the sha256); the signatures are
     * read through {@code signatures}, which the lookup reuses for the verifier. A candidate without a signature (indexed
     * before schema 2) comes last.
     */
    static List<Map.Entry<String, HashRows.Near>> byFit(RepostVerifier.Query q, Map<String, HashRows.Near> near,
                                                        Function<String, Optional<RepostSignature>> signatures) {
        Map<String, Double> fit = new LinkedHashMap<>();
        near.forEach((sha, n) -> {
            if (n.byCropWindow()) {
                fit.put(sha, signatures.apply(sha).map(s -> CropPoses.fit(q, s, n.cropWindow())).orElse(-2.0));
            }
        });
        return near.entrySet().stream().filter(e -> fit.containsKey(e.getKey()))
                .sorted(Comparator.comparingDouble((Map.Entry<String, HashRows.Near> e) -> -fit.get(e.getKey()))
                        .thenComparingInt(e -> e.getValue().cropDistance())
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }
}
