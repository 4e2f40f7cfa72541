package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.rating.ContentRating;
import dev.acgbot.gallery.rating.RatingClassifier;
import dev.acgbot.gallery.rating.RatingRule;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;
import dev.acgbot.models.image.DecodedImage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stage 4: embeddings and tags for the contents of one batch, each content once. */
final class BatchInference {
    private final Inference inference;
    private final Wanted wanted;
    private final float tagThreshold;
    private final RatingRule ratingRule;
    private final Optional<RatingClassifier> classifier;
    private final StageMeters meters;

    /**
     * Results by content sha: vectors per CLIP model, kept tags when there is a tagger, and the rating when there
     * is a tagger or a classifier (the stricter of the two when both).
     */
    record Results(Map<String, Map<String, float[]>> vectors, Map<String, Map<String, Float>> tags,
                   Map<String, ContentRating> ratings) {
        static final Results NONE = new Results(Map.of(), Map.of(), Map.of());

        boolean inferred(String sha) {
            return tags.containsKey(sha) || ratings.containsKey(sha)
                    || vectors.values().stream().anyMatch(m -> m.containsKey(sha));
        }
    }

    BatchInference(Inference inference, Wanted wanted, float tagThreshold, RatingRule ratingRule,
                   Optional<RatingClassifier> classifier, StageMeters meters) {
        this.inference = inference;
        this.meters = meters;
        this.classifier = classifier;
        this.wanted = wanted;
        this.tagThreshold = tagThreshold;
        this.ratingRule = ratingRule;
    }

    /** Runs every model over {@code images} (sha to reduced pixels); interruptible through the engine's wait. */
    Results run(Map<String, DecodedImage> images) {
        if (images.isEmpty()) {
            return Results.NONE;
        }
        List<String> shas = new ArrayList<>(images.keySet());
        List<DecodedImage> pixels = new ArrayList<>(images.values());
        Map<String, Map<String, float[]>> vectors = new HashMap<>();
        for (String model : wanted.manifestHashes().keySet()) {
            long t0 = System.nanoTime();
            List<float[]> out = inference.embedImages(model, pixels);
            meters.called(model, pixels.size(), t0);
            Map<String, float[]> byModel = new HashMap<>();
            for (int i = 0; i < shas.size(); i++) {
                byModel.put(shas.get(i), out.get(i));
            }
            vectors.put(model, byModel);
        }
        Map<String, Map<String, Float>> tags = new HashMap<>();
        Map<String, ContentRating> ratings = new HashMap<>();
        if (wanted.tagger().isPresent()) {
            long t0 = System.nanoTime();
            List<TagResult> out = inference.tag(wanted.tagger().get(), pixels);
            meters.called(wanted.tagger().get(), pixels.size(), t0);
            for (int i = 0; i < shas.size(); i++) {
                tags.put(shas.get(i), kept(out.get(i)));
                ratings.put(shas.get(i), ratingRule.rate(out.get(i).scores()));
            }
        }
        if (classifier.isPresent()) {
            long t0 = System.nanoTime();
            List<TagResult> out = inference.tag(classifier.get().modelId(), pixels);
            meters.called(classifier.get().modelId(), pixels.size(), t0);
            for (int i = 0; i < shas.size(); i++) {
                ratings.merge(shas.get(i), classifier.get().rate(out.get(i).scores()), ContentRating::stricter);
            }
        }
        return new Results(vectors, tags, ratings);
    }

    private Map<String, Float> kept(TagResult result) {
        Map<String, Float> kept = new LinkedHashMap<>();
        result.scores().stream().filter(s -> s.score() >= tagThreshold)
                .sorted((a, b) -> Float.compare(b.score(), a.score()))
                .forEach((TagScore s) -> kept.put(s.name(), s.score()));
        return kept;
    }
}
