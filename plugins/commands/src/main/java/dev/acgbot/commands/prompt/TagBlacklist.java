package dev.acgbot.commands.prompt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tags never written into a /tag reply, its prompt line or a caption. Names are kept as the tagger spells them
 * (Danbooru: lower case, underscores), so {@code long hair}, {@code Long_Hair} and a prompt's
 * {@code ganyu \(genshin impact\)} all name the tag they look like.
 */
public record TagBlacklist(Set<String> tags) {
    public static final TagBlacklist NONE = new TagBlacklist(Set.of());

    public TagBlacklist {
        Set<String> normalised = new LinkedHashSet<>();
        for (String tag : tags) {
            String name = normalise(tag);
            if (!name.isEmpty()) {
                normalised.add(name);
            }
        }
        tags = java.util.Collections.unmodifiableSet(normalised);
    }

    public static TagBlacklist of(Collection<String> tags) {
        return new TagBlacklist(new LinkedHashSet<>(tags));
    }

    public boolean blocks(String tagName) {
        return !tags.isEmpty() && tags.contains(normalise(tagName));
    }

    /** This list and {@code other}'s tags (the operator's list and a chat's own). */
    public TagBlacklist plus(TagBlacklist other) {
        Set<String> all = new LinkedHashSet<>(tags);
        all.addAll(other.tags);
        return new TagBlacklist(all);
    }

    /** A tag as the tagger names it: prompt escapes undone, spaces to underscores, lower case. */
    public static String normalise(String tag) {
        String name = tag.strip().replace("\\(", "(").replace("\\)", ")").replace("\\\\", "\\");
        return name.replaceAll("\\s+", "_").toLowerCase(Locale.ROOT);
    }

    /**
     * The tags a user typed: separated by commas when there is one (so {@code long hair, red eyes} is two tags),
     * else by spaces ({@code 1girl solo}); Chinese commas count too.
     */
    public static List<String> parse(String text) {
        String[] parts = text.matches("(?s).*[,，、].*") ? text.split("[,，、]") : text.strip().split("\\s+");
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            String name = normalise(part);
            if (!name.isEmpty() && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
