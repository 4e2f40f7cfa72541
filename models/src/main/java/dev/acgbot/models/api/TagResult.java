package dev.acgbot.models.api;

import java.util.List;

/** Every label's score for one image, in label-file order; callers apply their own thresholds. */
public record TagResult(String modelId, List<TagScore> scores) {
    public TagResult {
        scores = List.copyOf(scores);
    }
}
