package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.Reply;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TelegramBundlesTest {

    @Test
    void everyLanguageHasABundleWithEveryKeyAndTheSameArguments() {
        assertEquals(List.of(), TelegramResponder.MESSAGES.problems());
        assertEquals(EnumSet.allOf(Language.class), TelegramResponder.MESSAGES.languages(), "a bundle for every language we speak");
    }

    @Test
    void theAdaptersOwnNotesFollowTheLanguageTheCoreChose() {
        Reply.Error error = new Reply.Error("出了点问题。", "a1b2");
        assertEquals("⚠ 出了点问题。\n（编号 a1b2）", TelegramResponder.errorText(error, Language.ZH).toPlainString());
        assertEquals("⚠ 出了点问题。\n(ref a1b2)", TelegramResponder.errorText(error, Language.EN).toPlainString());
        assertEquals("3 gallery images changed since they were indexed and were not sent; an admin can run /reindex.",
                TelegramResponder.MESSAGES.format(Language.EN, "image_changed", 3));
        assertEquals("有 3 张图库图片在索引后被改动过，没有发送；管理员可以运行 /reindex。",
                TelegramResponder.MESSAGES.format(Language.ZH, "image_changed", 3));
    }
}
