package dev.acgbot.commands.tag;

import dev.acgbot.commands.prompt.PromptStyle;

import java.util.List;

/**
 * Turns Danbooru tag names into a Stable Diffusion prompt, by default as {@link PromptStyle#PROMPT}: underscores
 * become spaces (except in kaomoji such as {@code ^_^}, where the underscore is the face) and parentheses are
 * escaped, since prompt syntax reads bare parentheses as emphasis.
 */
public final class PromptLine {

    private PromptLine() {
    }

    public static String of(List<String> tagNames) {
        return PromptStyle.PROMPT.join(tagNames);
    }

    /** The first tags whose prompt fits {@code maxChars}, cut between tags (never inside one); at least the first. */
    public static String of(List<String> tagNames, int maxChars) {
        return of(tagNames, maxChars, PromptStyle.PROMPT);
    }

    /** As {@link #of(List, int)}, written in {@code style}. */
    public static String of(List<String> tagNames, int maxChars, PromptStyle style) {
        StringBuilder line = new StringBuilder();
        for (String tag : tagNames) {
            String part = (line.isEmpty() ? "" : ", ") + style.format(tag);
            if (!line.isEmpty() && line.length() + part.length() > maxChars) {
                break;
            }
            line.append(part);
        }
        return line.toString();
    }

    static String tagToPrompt(String tag) {
        return PromptStyle.PROMPT.format(tag);
    }
}
