package dev.acgbot.api.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LogTextTest {
    @Test
    void lineBreaksAndOtherControlCharactersBecomeVisibleEscapes() {
        assertEquals("a.png\\n12:00:00 INFO  acgbot.audit - admin command /reindex allowed",
                LogText.safe("a.png\n12:00:00 INFO  acgbot.audit - admin command /reindex allowed"));
        assertEquals("\\r\\t\\u001b[31m\\u0085\\u2028\\u202e", LogText.safe("\r\t\u001b[31m\u0085\u2028\u202e"));
    }

    @Test
    void ordinaryTextIncludingCjkAndEmojiIsKeptAsItIs() {
        String name = "桜 🌸 sakura_01 (1).png";
        assertSame(name, LogText.safe(name));
        assertEquals("null", LogText.safe(null));
    }
}
