package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.Reply;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiscordBundlesTest {

    @Test
    void everyLanguageHasABundleWithEveryKeyAndTheSameArguments() {
        assertEquals(List.of(), DiscordReplies.MESSAGES.problems());
        assertEquals(EnumSet.allOf(Language.class), DiscordReplies.MESSAGES.languages(), "a bundle for every language we speak");
    }

    @Test
    void anErrorsReferenceIsWordedInTheChosenLanguage() {
        Reply.Error error = new Reply.Error("出了点问题。", "a1b2");
        assertEquals("⚠ 出了点问题。 （编号 `a1b2`）", DiscordReplies.render(error, Language.ZH).get(0).getContent());
        assertEquals("⚠ 出了点问题。 (ref `a1b2`)", DiscordReplies.render(error, Language.EN).get(0).getContent());
    }
}
