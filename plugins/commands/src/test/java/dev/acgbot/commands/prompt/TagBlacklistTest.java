package dev.acgbot.commands.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagBlacklistTest {

    @Test
    void tagsAreNamedAsTheTaggerSpellsThemWhateverStyleTheUserTypes() {
        assertEquals("ganyu_(genshin_impact)", TagBlacklist.normalise(" Ganyu \\(genshin impact\\) "));
        assertEquals("long_hair", TagBlacklist.normalise("long  hair"));
        TagBlacklist list = TagBlacklist.of(List.of("Long Hair", "ganyu \\(genshin impact\\)"));
        assertTrue(list.blocks("long_hair"));
        assertTrue(list.blocks("ganyu_(genshin_impact)"));
        assertFalse(list.blocks("short_hair"));
    }

    @Test
    void commasSeparateTagsWhenThereAreAnyElseSpacesDo() {
        assertEquals(List.of("long_hair", "red_eyes"), TagBlacklist.parse("long hair, red eyes"));
        assertEquals(List.of("1girl", "solo"), TagBlacklist.parse("1girl solo 1girl"));
        assertEquals(List.of("长发", "red_eyes"), TagBlacklist.parse("长发，red eyes"));
        assertEquals(List.of(), TagBlacklist.parse("  "));
    }
}
