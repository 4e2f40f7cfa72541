package dev.acgbot.commands.tag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromptLineTest {

    @Test
    void underscoresBecomeSpacesAndParenthesesAreEscaped() {
        assertEquals("hatsune miku, 1girl, long hair, ganyu \\(genshin impact\\)",
                PromptLine.of(List.of("hatsune_miku", "1girl", "long_hair", "ganyu_(genshin_impact)")));
    }

    @Test
    void kaomojiKeepTheirUnderscores() {
        assertEquals("^_^, >_<, :d, smile", PromptLine.of(List.of("^_^", ">_<", ":d", "smile")));
    }

    @Test
    void backslashesAreEscapedBeforeParentheses() {
        assertEquals("a\\\\b \\(c\\)", PromptLine.tagToPrompt("a\\b_(c)"));
    }
}
