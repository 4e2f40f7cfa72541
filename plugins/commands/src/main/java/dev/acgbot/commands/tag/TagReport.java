package dev.acgbot.commands.tag;

import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tagger's scores cut down to what a person reads: the most likely rating, characters above the character
 * threshold and general tags above the general threshold, each sorted by score.
 */
public record TagReport(Optional<TagScore> rating, List<TagScore> characters, List<TagScore> general) {

    public static TagReport of(TagResult result, double generalThreshold, double characterThreshold) {
        Optional<TagScore> rating = result.scores().stream()
                .filter(s -> s.category() == TagCategory.RATING)
                .max(Comparator.comparingDouble(TagScore::score));
        return new TagReport(rating,
                above(result.scores().stream().filter(s -> s.category() == TagCategory.CHARACTER), characterThreshold),
                above(result.scores().stream().filter(s -> s.category() == TagCategory.GENERAL), generalThreshold));
    }

    private static List<TagScore> above(Stream<TagScore> scores, double threshold) {
        return scores.filter(s -> s.score() >= threshold)
                .sorted(Comparator.comparingDouble(TagScore::score).reversed())
                .toList();
    }

    /** Characters first, then general tags, as prompts are usually written. */
    public String prompt() {
        return PromptLine.of(Stream.concat(characters.stream(), general.stream()).map(TagScore::name).toList());
    }
}
