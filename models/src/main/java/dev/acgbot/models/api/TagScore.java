package dev.acgbot.models.api;

/**
 * One label of a tagger with its probability.
 *
 * @param name     Danbooru-style tag name as in the label file (underscores kept)
 * @param category the label file's category
 * @param score    probability in [0, 1]
 */
public record TagScore(String name, TagCategory category, float score) {
}
