package dev.acgbot.commands.admin;

import dev.acgbot.api.i18n.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsCacheNamesTest {

    @Test
    void cacheNamesAreWordsOfTheReadersLanguageAndAnUnknownCacheKeepsItsName() {
        assertEquals("image embeddings", StatsCommand.cacheName("image embeddings", Language.EN));
        assertEquals("图片向量", StatsCommand.cacheName("image embeddings", Language.ZH));
        assertEquals("搜索结果", StatsCommand.cacheName("search results", Language.ZH));
        assertEquals("inline results", StatsCommand.cacheName("inline results", Language.ZH));
    }
}
