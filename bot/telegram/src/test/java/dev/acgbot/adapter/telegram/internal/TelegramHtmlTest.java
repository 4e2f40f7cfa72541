package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.reply.RichText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramHtmlTest {

    @Test
    void tagNamesThatLookLikeMarkupAreEscapedOnlyWhereHtmlNeedsIt() {
        RichText text = RichText.builder().code(":d").plain(" ").code("^_^").plain(" ").bold("<3").plain(" a&b *x* _y_ `z`").build();
        assertEquals("<code>:d</code> <code>^_^</code> <b>&lt;3</b> a&amp;b *x* _y_ `z`", TelegramHtml.render(text));
    }

    @Test
    void codeBlocksBecomePre() {
        assertEquals("<pre>1girl, &lt;solo&gt;</pre>", TelegramHtml.render(RichText.builder().codeBlock("1girl, <solo>").build()));
    }

    @Test
    void shortTextIsOnePart() {
        assertEquals(List.of("hello <b>world</b>"), TelegramHtml.messageParts(RichText.builder().plain("hello ").bold("world").build()));
    }

    @Test
    void blankTextGivesNoMessage() {
        assertEquals(List.of(), TelegramHtml.messageParts(RichText.plain("  \n")));
    }

    @Test
    void longTextIsSplitAtLineBreaksWithinTheVisibleLimitAndKeepsStyles() {
        String line = "x".repeat(99) + "\n";
        RichText text = RichText.builder().bold(line.repeat(60)).build(); // 6000 visible characters
        List<String> parts = TelegramHtml.messageParts(text);
        assertEquals(2, parts.size());
        for (String part : parts) {
            assertTrue(part.startsWith("<b>") && part.endsWith("</b>"), "each part closes its own tags");
            String visible = part.substring(3, part.length() - 4);
            assertTrue(visible.length() <= TelegramHtml.MESSAGE_LIMIT);
            assertTrue(visible.endsWith("\n"), "cut after a line break");
        }
        assertEquals(line.repeat(60), parts.get(0).substring(3, parts.get(0).length() - 4)
                + parts.get(1).substring(3, parts.get(1).length() - 4));
    }

    @Test
    void escapingDoesNotCountAgainstTheLimit() {
        RichText text = RichText.plain("<".repeat(TelegramHtml.MESSAGE_LIMIT));
        List<String> parts = TelegramHtml.messageParts(text);
        assertEquals(1, parts.size());
        assertEquals("&lt;".repeat(TelegramHtml.MESSAGE_LIMIT), parts.get(0));
    }

    @Test
    void tooManyPartsAreCutWithANote() {
        RichText text = RichText.plain("word ".repeat(5_000)); // 25000 characters: more than 4 parts of 4096
        List<String> parts = TelegramHtml.messageParts(text);
        assertEquals(TelegramHtml.MAX_MESSAGE_PARTS, parts.size());
        String last = parts.get(parts.size() - 1);
        assertTrue(last.endsWith(TelegramHtml.TRUNCATED_NOTE), last.substring(last.length() - 60));
        assertTrue(last.length() <= TelegramHtml.MESSAGE_LIMIT);
    }

    @Test
    void longCaptionIsCutToTheCaptionLimitWithAnEllipsis() {
        String caption = TelegramHtml.caption(RichText.builder().bold("Title ").plain("y".repeat(2_000)).build());
        String visible = caption.replace("<b>", "").replace("</b>", "");
        assertEquals(TelegramHtml.CAPTION_LIMIT, visible.length());
        assertTrue(caption.startsWith("<b>Title </b>yyy"));
        assertTrue(caption.endsWith("…"));
    }

    @Test
    void captionWithinTheLimitIsKept() {
        assertEquals("a &amp; b", TelegramHtml.caption(RichText.plain("a & b")));
    }

    @Test
    void splittingNeverBreaksASurrogatePair() {
        String emoji = "😀"; // two UTF-16 units
        RichText text = RichText.plain("a" + emoji.repeat(10));
        for (int limit = 2; limit < 8; limit++) {
            for (List<RichText.Span> chunk : TelegramHtml.split(text.spans(), limit)) {
                String s = chunk.get(0).text();
                assertTrue(!Character.isLowSurrogate(s.charAt(0)) && !Character.isHighSurrogate(s.charAt(s.length() - 1)),
                        "limit " + limit + " split a pair: " + s);
            }
        }
    }

    @Test
    void progressTextIsCutPlainly() {
        assertEquals("abc…", TelegramHtml.plainWithin("abcdef", 4));
        assertEquals("abc", TelegramHtml.plainWithin("abc", 4));
    }
}
