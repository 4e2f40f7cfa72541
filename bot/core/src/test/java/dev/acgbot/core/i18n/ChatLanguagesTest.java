package dev.acgbot.core.i18n;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.i18n.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatLanguagesTest {
    static final MessageOrigin GROUP = new MessageOrigin("telegram", "-100", new ChatUser("1", "a", "en"), false, false);
    static final MessageOrigin OTHER = new MessageOrigin("discord", "-100", new ChatUser("1", "a"), false, false);

    @Test
    void aChoiceIsKeptPerPlatformAndChatAndSurvivesARestart(@TempDir Path dir) {
        ChatLanguages first = ChatLanguages.persistent(Language.EN, dir);
        assertTrue(first.choose("telegram", "-100", Optional.of(Language.ZH)));
        assertEquals(Language.ZH, first.resolve(GROUP));
        assertEquals(Language.EN, first.resolve(OTHER), "the same chat id on another platform is another chat");

        ChatLanguages again = ChatLanguages.persistent(Language.EN, dir);
        assertEquals(Language.ZH, again.resolve(GROUP));
        again.choose("telegram", "-100", Optional.empty());
        assertEquals(Language.EN, ChatLanguages.persistent(Language.ZH, dir).resolve(GROUP), "cleared: the user's app language");
    }

    @Test
    void aDamagedEntryIsIgnoredNotFatal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ChatLanguages.FILE_NAME), "telegram\\:-100=klingon\ndiscord\\:-100=zh\n");
        ChatLanguages languages = ChatLanguages.persistent(Language.EN, dir);
        assertEquals(Language.EN, languages.resolve(GROUP));
        assertEquals(Language.ZH, languages.resolve(OTHER));
    }

    @Test
    void aChoiceThatCannotBeSavedStillAppliesAndSaysSo(@TempDir Path dir) throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        ChatLanguages languages = ChatLanguages.persistent(Language.EN, notADirectory);
        assertEquals(false, languages.choose("telegram", "-100", Optional.of(Language.ZH)));
        assertEquals(Language.ZH, languages.resolve(GROUP));
    }
}
