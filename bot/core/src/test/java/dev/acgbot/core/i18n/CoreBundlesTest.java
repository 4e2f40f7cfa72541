package dev.acgbot.core.i18n;

import dev.acgbot.api.i18n.Language;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoreBundlesTest {

    @Test
    void everyLanguageHasABundleWithEveryKeyAndTheSameArguments() {
        assertEquals(List.of(), CoreMessages.BUNDLE.problems());
        assertEquals(EnumSet.allOf(Language.class), CoreMessages.BUNDLE.languages(), "a bundle for every language we speak");
    }
}
