package dev.acgbot.commands.tag;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns Danbooru tag names into a Stable Diffusion prompt: underscores become spaces (except in kaomoji
 * such as {@code ^_^}, where the underscore is the face) and parentheses are escaped, since prompt syntax
 * reads bare parentheses as emphasis.
 */
public final class PromptLine {
    /** Tags whose underscore is part of the picture, as the WD tagger reference UI keeps them. */
    static final Set<String> KAOMOJI = Set.of("0_0", "(o)_(o)", "+_+", "+_-", "._.", "<o>_<o>", "<|>_<|>", "=_=", ">_<",
            "3_3", "6_9", ">_o", "@_@", "^_^", "o_o", "u_u", "x_x", "|_|", "||_||");

    private PromptLine() {
    }

    public static String of(List<String> tagNames) {
        return tagNames.stream().map(PromptLine::tagToPrompt).collect(Collectors.joining(", "));
    }

    /** The first tags whose prompt fits {@code maxChars}, cut between tags (never inside one); at least the first. */
    public static String of(List<String> tagNames, int maxChars) {
        StringBuilder line = new StringBuilder();
        for (String tag : tagNames) {
            String part = (line.isEmpty() ? "" : ", ") + tagToPrompt(tag);
            if (!line.isEmpty() && line.length() + part.length() > maxChars) {
                break;
            }
            line.append(part);
        }
        return line.toString();
    }

    static String tagToPrompt(String tag) {
        String words = KAOMOJI.contains(tag) ? tag : tag.replace('_', ' ');
        return words.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }
}
