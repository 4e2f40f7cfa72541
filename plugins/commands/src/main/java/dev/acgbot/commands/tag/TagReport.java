package dev.acgbot.commands.tag;

import dev.acgbot.commands.prompt.PromptStyle;
import dev.acgbot.commands.prompt.TagBlacklist;
import dev.acgbot.models.api.TagCategory;
import dev.acgbot.models.api.TagResult;
import dev.acgbot.models.api.TagScore;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tagger's scores cut down to what a person reads: the most likely rating, characters above the character
 * threshold and general tags above the general threshold, each sorted by score. A reply shows at most
 * {@link #SHOWN_CHARACTERS} characters and {@link #SHOWN_GENERAL} general tags (a model that scores thousands of
 * tags above a low threshold once produced a reply of thousands of tags) and a prompt of at most
 * {@link #PROMPT_CHARS} characters, cut between tags.
 */
public record TagReport(Optional<TagScore> rating, List<TagScore> characters, List<TagScore> general, int blacklisted) {
    public static final int SHOWN_CHARACTERS = 10;
    public static final int SHOWN_GENERAL = 40;
    /** About 75 CLIP tokens, one chunk of a Stable Diffusion prompt, at 3-4 characters per token plus separators. */
    public static final int PROMPT_CHARS = 400;

    public static TagReport of(TagResult result, double generalThreshold, double characterThreshold) {
        return of(result, generalThreshold, characterThreshold, TagBlacklist.NONE);
    }

    /** As {@link #of(TagResult, double, double)}, without the blacklisted tags; {@link #blacklisted} counts those that reached their threshold. */
    public static TagReport of(TagResult result, double generalThreshold, double characterThreshold, TagBlacklist blacklist) {
        Optional<TagScore> rating = result.scores().stream()
                .filter(s -> s.category() == TagCategory.RATING)
                .max(Comparator.comparingDouble(TagScore::score));
        List<TagScore> characters = above(result.scores().stream().filter(s -> s.category() == TagCategory.CHARACTER), characterThreshold);
        List<TagScore> general = above(result.scores().stream().filter(s -> s.category() == TagCategory.GENERAL), generalThreshold);
        List<TagScore> keptCharacters = characters.stream().filter(s -> !blacklist.blocks(s.name())).toList();
        List<TagScore> keptGeneral = general.stream().filter(s -> !blacklist.blocks(s.name())).toList();
        int hidden = characters.size() - keptCharacters.size() + general.size() - keptGeneral.size();
        return new TagReport(rating, keptCharacters, keptGeneral, hidden);
    }

    private static List<TagScore> above(Stream<TagScore> scores, double threshold) {
        return scores.filter(s -> s.score() >= threshold)
                .sorted(Comparator.comparingDouble(TagScore::score).reversed())
                .toList();
    }

    /** Characters first, then general tags, as prompts are usually written; the strongest that fit {@link #PROMPT_CHARS}. */
    public String prompt() {
        return prompt(PromptStyle.PROMPT);
    }

    /** {@link #prompt()} written in {@code style}. */
    public String prompt(PromptStyle style) {
        return PromptLine.of(Stream.concat(characters.stream(), general.stream()).map(TagScore::name).toList(), PROMPT_CHARS, style);
    }

    /** The strongest {@code max} of {@code scores} (already sorted) and how many more there are. */
    public record Shown(List<TagScore> shown, int more) {
        static Shown of(List<TagScore> scores, int max) {
            return new Shown(scores.subList(0, Math.min(max, scores.size())), Math.max(0, scores.size() - max));
        }
    }

    public Shown shownCharacters() {
        return Shown.of(characters, SHOWN_CHARACTERS);
    }

    public Shown shownGeneral() {
        return Shown.of(general, SHOWN_GENERAL);
    }
}
