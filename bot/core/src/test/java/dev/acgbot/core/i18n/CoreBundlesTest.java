package dev.acgbot.core.i18n;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoreBundlesTest {

    @Test
    void everyKeyIsInEveryLanguageWithTheSameArguments() {
        assertEquals(List.of(), CoreMessages.BUNDLE.problems());
    }
}
