package dev.acgbot.core.router;

import dev.acgbot.api.command.Arguments;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.command.RepliedMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentBinderTest {
    static final CommandSpec SEARCH = CommandSpec.builder("search", "Find art by text")
            .text("query", "what to look for", true)
            .number("k", "how many results", 1, 20)
            .example("/search 樱花")
            .build();
    static final CommandSpec TAG = CommandSpec.builder("tag", "Tag an image")
            .attachment("image", "the image", true)
            .number("threshold", "minimum score", 0, 1)
            .usesRepliedImages()
            .build();
    static final CommandSpec REINDEX = CommandSpec.builder("reindex", "Rebuild the index")
            .choice("action", "what to do", false, "status", "cancel", "full")
            .adminOnly()
            .build();

    @Test
    void greedyTextTakesTheRestAndNamedOptionsAnywhere() throws Exception {
        Arguments args = ArgumentBinder.bindText(SEARCH, "cherry k:5 blossom 樱花", List.of(), Optional.empty());
        assertEquals("cherry blossom 樱花", args.string("query").orElseThrow());
        assertEquals(5.0, args.number("k").orElseThrow());
    }

    @Test
    void quotedTextKeepsItsSpaces() throws Exception {
        Arguments args = ArgumentBinder.bindText(SEARCH, "\"k:5 is text\"", List.of(), Optional.empty());
        assertEquals("k:5 is text", args.string("query").orElseThrow());
    }

    @Test
    void numberOutOfRangeIsAUsageErrorWithTheRange() {
        UsageException e = assertThrows(UsageException.class,
                () -> ArgumentBinder.bindText(SEARCH, "cat k:50", List.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("k must be a number from 1 to 20"), e.getMessage());
        assertTrue(e.userMessage().contains("Usage: /search <query…> [k:number]"), e.userMessage());
        assertTrue(e.userMessage().contains("Example: /search 樱花"), e.userMessage());
    }

    @Test
    void notANumberIsAUsageError() {
        UsageException e = assertThrows(UsageException.class,
                () -> ArgumentBinder.bindText(TAG, "threshold:high", List.of(attachment("a.png")), Optional.empty()));
        assertTrue(e.getMessage().contains("threshold must be a number from 0 to 1, not \"high\""), e.getMessage());
    }

    @Test
    void missingRequiredTextIsAUsageError() {
        UsageException e = assertThrows(UsageException.class,
                () -> ArgumentBinder.bindText(SEARCH, "", List.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("/search needs query"), e.getMessage());
    }

    @Test
    void choicesAreCheckedAndLowerCased() throws Exception {
        assertEquals("status", ArgumentBinder.bindText(REINDEX, "STATUS", List.of(), Optional.empty()).string("action").orElseThrow());
        UsageException e = assertThrows(UsageException.class,
                () -> ArgumentBinder.bindText(REINDEX, "now", List.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("one of status, cancel, full"), e.getMessage());
    }

    @Test
    void anUnknownNamedOptionIsNamedAsWrittenWithTheOnesThatExist() {
        UsageException e = assertThrows(UsageException.class,
                () -> ArgumentBinder.bindText(SEARCH, "樱花 foo:bar", List.of(), Optional.empty()));
        assertEquals("/search has no option foo:bar. Its options are: query, k.\nUsage: " + SEARCH.usage()
                + "\nExample: /search 樱花", e.userMessage());
        assertEquals("/search 没有选项 foo:bar。它的选项有：query, k。\n用法：" + SEARCH.usage() + "\n示例：/search 樱花",
                e.userMessage(dev.acgbot.api.i18n.Language.ZH));
    }

    @Test
    void colonsInTextThatAreNoOptionStayText() throws Exception {
        assertEquals("re:zero 12:30 https://example.org/a", ArgumentBinder.bindText(SEARCH,
                "\"re:zero\" 12:30 https://example.org/a", List.of(), Optional.empty()).string("query").orElseThrow());
    }

    @Test
    void extraWordsAreReported() {
        UsageException e = assertThrows(UsageException.class,
                () -> ArgumentBinder.bindText(REINDEX, "full please", List.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("please"), e.getMessage());
    }

    @Test
    void attachmentOptionTakesThePostedFileFirst() throws Exception {
        Attachment posted = attachment("posted.png");
        Attachment replied = attachment("replied.png");
        Arguments args = ArgumentBinder.bindText(TAG, "", List.of(posted),
                Optional.of(new RepliedMessage("1", "", List.of(replied))));
        assertSame(posted, args.attachment("image").orElseThrow());
    }

    @Test
    void attachmentOptionFallsBackToTheRepliedMessage() throws Exception {
        Attachment replied = attachment("replied.png");
        Arguments args = ArgumentBinder.bindText(TAG, "threshold:0.5", List.of(),
                Optional.of(new RepliedMessage("1", "", List.of(replied))));
        assertSame(replied, args.attachment("image").orElseThrow());
        assertEquals(0.5, args.number("threshold").orElseThrow());
    }

    @Test
    void missingImageExplainsHowToGiveOne() {
        UsageException e = assertThrows(UsageException.class,
                () -> ArgumentBinder.bindText(TAG, "", List.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("reply to a message with an image"), e.getMessage());
    }

    @Test
    void platformParsedOptionsAreCheckedTheSameWay() throws Exception {
        Arguments args = ArgumentBinder.bindOptions(SEARCH, Map.of("query", "樱花", "k", 3.0), List.of(), Optional.empty());
        assertEquals("樱花", args.string("query").orElseThrow());
        assertThrows(UsageException.class, () -> ArgumentBinder.bindOptions(SEARCH, Map.of("query", "x", "k", 0.0), List.of(), Optional.empty()));
        assertThrows(UsageException.class, () -> ArgumentBinder.bindOptions(SEARCH, Map.of("nope", "x"), List.of(), Optional.empty()));
    }

    static Attachment attachment(String name) {
        return new Attachment() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public Optional<String> contentType() {
                return Optional.empty();
            }

            @Override
            public long declaredSize() {
                return 3;
            }

            @Override
            public byte[] read(long maxBytes) {
                return new byte[]{1, 2, 3};
            }
        };
    }
}
