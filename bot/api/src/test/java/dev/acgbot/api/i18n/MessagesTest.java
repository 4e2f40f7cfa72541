package dev.acgbot.api.i18n;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagesTest {
    private static final Messages SAMPLE = Messages.load("dev/acgbot/api/i18n/sample", MessagesTest.class.getClassLoader());

    @Test
    void englishPluralsChooseTheFormByCount() {
        assertEquals("I found no images for “樱花”.", SAMPLE.format(Language.EN, "images", 0, "樱花"));
        assertEquals("I found one image for “樱花”.", SAMPLE.format(Language.EN, "images", 1, "樱花"));
        assertEquals("I found 12 images for “樱花”.", SAMPLE.format(Language.EN, "images", 12, "樱花"));
    }

    @Test
    void chineseHasOneFormAndItsOwnWordOrder() {
        assertEquals("为“樱花”找到 12 张图片。", SAMPLE.format(Language.ZH, "images", 12, "樱花"));
    }

    @Test
    void aKeyMissingInOneLanguageFallsBackToEnglishAndAnUnknownKeyShowsItself() {
        assertEquals("Only in English.", SAMPLE.format(Language.ZH, "only_english"));
        assertEquals("no.such.key", SAMPLE.format(Language.ZH, "no.such.key"));
    }

    @Test
    void aFamilyWithoutABundleForALanguageAnswersItInEnglishAndIsNotIncompleteForIt() {
        assertEquals("I found 12 images for “樱花”.", SAMPLE.format(Language.JA, "images", 12, "樱花"));
        assertEquals(java.util.Set.of(Language.EN, Language.ZH), SAMPLE.languages());
    }

    @Test
    void aLocalTextIsWordedWhenTheLanguageIsKnown() {
        LocalText text = SAMPLE.text("images", 2, "猫");
        assertEquals("I found 2 images for “猫”.", text.in(Language.EN));
        assertEquals("为“猫”找到 2 张图片。", text.in(Language.ZH));
    }

    @Test
    void problemsNameMissingKeysBadPatternsAndDroppedArguments() {
        Messages broken = Messages.load("dev/acgbot/api/i18n/broken", MessagesTest.class.getClassLoader());
        assertEquals(List.of(
                "dev/acgbot/api/i18n/broken_en: apostrophe has a lone ' that MessageFormat drops; write ''",
                "dev/acgbot/api/i18n/broken_zh: count uses arguments [0], English uses [0, 1]",
                "dev/acgbot/api/i18n/broken_zh: missing quote",
                "dev/acgbot/api/i18n/broken_zh: unparsable does not parse: Unmatched braces in the pattern."), broken.problems());
        assertEquals(List.of("dev/acgbot/api/i18n/sample_zh: missing only_english"), SAMPLE.problems());
    }

    @Test
    void platformTagsMapToTheLanguagesWeSpeak() {
        assertEquals(Optional.of(Language.ZH), Language.fromTag("zh-hans"));
        assertEquals(Optional.of(Language.ZH), Language.fromTag("zh-CN"));
        assertEquals(Optional.of(Language.ZH), Language.fromTag("zh_CN.UTF-8"));
        assertEquals(Optional.of(Language.EN), Language.fromTag("en-GB"));
        assertEquals(Optional.of(Language.JA), Language.fromTag("ja"));
        assertEquals(Optional.of(Language.JA), Language.fromTag("ja-JP"));
        assertEquals(Optional.empty(), Language.fromTag("ko"));
        assertEquals(Optional.empty(), Language.fromTag(""));
        assertEquals(Optional.empty(), Language.fromTag(null));
    }
}
