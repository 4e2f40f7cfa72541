package dev.acgbot.commands.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromptStyleTest {
    static final List<String> TAGS = List.of("hatsune_miku", "^_^", "ganyu_(genshin_impact)", "a\\b");

    @Test
    void eachOfTheFourStylesWritesTheSameTags() {
        assertEquals("hatsune miku, ^_^, ganyu \\(genshin impact\\), a\\\\b", PromptStyle.PROMPT.join(TAGS));
        assertEquals("hatsune miku, ^_^, ganyu (genshin impact), a\\b", PromptStyle.CAPTION.join(TAGS));
        assertEquals("hatsune_miku, ^_^, ganyu_\\(genshin_impact\\), a\\\\b",
                new PromptStyle(PromptStyle.Words.UNDERSCORES, true).join(TAGS));
        assertEquals("hatsune_miku, ^_^, ganyu_(genshin_impact), a\\b", new PromptStyle(PromptStyle.Words.UNDERSCORES, false).join(TAGS));
    }

    @Test
    void parseTakesTheWordsInAnyOrderAndKeepsWhatIsNotNamed() {
        assertEquals(Optional.of(new PromptStyle(PromptStyle.Words.UNDERSCORES, false)), PromptStyle.parse("plain underscores", PromptStyle.PROMPT));
        assertEquals(Optional.of(new PromptStyle(PromptStyle.Words.UNDERSCORES, true)), PromptStyle.parse("Underscores", PromptStyle.PROMPT));
        assertEquals(Optional.of(new PromptStyle(PromptStyle.Words.SPACES, false)), PromptStyle.parse("plain", PromptStyle.PROMPT));
        assertEquals(Optional.empty(), PromptStyle.parse("spaces sideways", PromptStyle.PROMPT));
    }
}
