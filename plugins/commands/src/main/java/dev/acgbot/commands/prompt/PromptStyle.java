package dev.acgbot.commands.prompt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How Danbooru tag names are written into a prompt or a training caption. {@code words}: {@code spaces}
 * ({@code long hair}, what Stable Diffusion web UIs and most caption tools write) or {@code underscores} (the tag
 * as Danbooru spells it, what some NovelAI-style prompts and kohya-ss users keep). {@code escapeParentheses}:
 * web UIs read bare parentheses as emphasis, so a prompt needs {@code ganyu \(genshin impact\)}; a training
 * caption is read as plain text and wants them bare. Kaomoji such as {@code ^_^} keep their underscore either way.
 */
public record PromptStyle(Words words, boolean escapeParentheses) {
    /** /tag's prompt line unless config or a chat says otherwise: a prompt to paste into a web UI. */
    public static final PromptStyle PROMPT = new PromptStyle(Words.SPACES, true);
    /** Captions for training (kohya-ss, WD14 tagger): plain text, nothing escaped. */
    public static final PromptStyle CAPTION = new PromptStyle(Words.SPACES, false);

    /** Tags whose underscore is part of the picture, as the WD tagger reference UI keeps them. */
    static final Set<String> KAOMOJI = Set.of("0_0", "(o)_(o)", "+_+", "+_-", "._.", "<o>_<o>", "<|>_<|>", "=_=", ">_<",
            "3_3", "6_9", ">_o", "@_@", "^_^", "o_o", "u_u", "x_x", "|_|", "||_||");

    public enum Words {
        SPACES, UNDERSCORES;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PromptStyle {
        if (words == null) {
            words = Words.SPACES;
        }
    }

    /** One tag as this style writes it. */
    public String format(String tag) {
        String text = words == Words.UNDERSCORES || KAOMOJI.contains(tag) ? tag : tag.replace('_', ' ');
        return escapeParentheses ? text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") : text;
    }

    /** Tags joined as prompts and captions are: comma and space. */
    public String join(List<String> tags) {
        return tags.stream().map(this::format).collect(Collectors.joining(", "));
    }

    /** The words {@code /tagstyle} and the config use for the escaping choice. */
    public String escapingWord() {
        return escapeParentheses ? "escaped" : "plain";
    }

    /**
     * A style from words such as {@code spaces escaped} or {@code underscores plain}, in any order, each optional
     * (what is not named is kept from {@code base}); empty when a word is not one of them.
     */
    public static Optional<PromptStyle> parse(String text, PromptStyle base) {
        Words words = base.words();
        boolean escape = base.escapeParentheses();
        for (String word : text.strip().toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            switch (word) {
                case "" -> { }
                case "spaces", "space" -> words = Words.SPACES;
                case "underscores", "underscore" -> words = Words.UNDERSCORES;
                case "escaped", "escape" -> escape = true;
                case "plain", "unescaped", "raw" -> escape = false;
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new PromptStyle(words, escape));
    }
}
