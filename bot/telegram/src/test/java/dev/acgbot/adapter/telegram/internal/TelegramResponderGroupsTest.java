package dev.acgbot.adapter.telegram.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TelegramResponderGroupsTest {

    private static List<Integer> sizes(int items) {
        List<Integer> list = IntStream.range(0, items).boxed().toList();
        return TelegramResponder.groups(list, TelegramResponder.MEDIA_GROUP_MAX).stream().map(List::size).toList();
    }

    @Test
    void albumsAreSplitIntoBalancedGroupsOfAtMostTenSoNoGroupIsALoneImage() {
        assertEquals(List.of(1), sizes(1));
        assertEquals(List.of(2), sizes(2));
        assertEquals(List.of(10), sizes(10));
        assertEquals(List.of(6, 5), sizes(11));
        assertEquals(List.of(7, 7, 7), sizes(21));
        assertEquals(List.of(), sizes(0));
    }
}
