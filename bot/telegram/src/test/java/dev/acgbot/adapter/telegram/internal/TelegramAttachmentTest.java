package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapter.telegram.fake.Updates;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.AttachmentDownloadException;
import dev.acgbot.api.command.AttachmentTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramAttachmentTest {
    private static final long MB = 1024 * 1024;
    private static final Updates.Chat CHAT = new Updates.Chat(-100);
    private static final Updates.User USER = new Updates.User(5, "Eve");

    private FakeApiFixture fixture;
    private MessageMapper mapper;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new FakeApiFixture(Duration.ofSeconds(1));
        mapper = new MessageMapper(fixture.downloader(20 * MB), new LinkImages(new dev.acgbot.adapterkit.links.SafeLinkFetcher(
                new okhttp3.OkHttpClient(), dev.acgbot.adapterkit.links.LinkFetchRules.defaults())));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private InboundMessage map(com.fasterxml.jackson.databind.node.ObjectNode update) throws Exception {
        Update parsed = new com.fasterxml.jackson.databind.ObjectMapper().treeToValue(update, Update.class);
        return mapper.map(parsed.getMessage()).orElseThrow();
    }

    @Test
    void anImageDocumentIsDownloadedThroughGetFileAndTheFilePath() throws Exception {
        byte[] bytes = new byte[300_000];
        Arrays.fill(bytes, (byte) 7);
        fixture.server.addFile("doc1", "u-doc1", bytes, bytes.length);
        InboundMessage m = map(Updates.document(1, 3, CHAT, USER, "/tag", "doc1", "art.webp", "image/webp", bytes.length));
        assertEquals("/tag", m.text());
        assertFalse(m.origin().privateChat());
        assertEquals("Eve", m.origin().user().displayName());
        Attachment a = m.attachments().get(0);
        assertEquals("art.webp", a.fileName());
        assertEquals(bytes.length, a.declaredSize());
        assertArrayEquals(bytes, a.read(1 * MB));
        assertEquals("telegram:u-doc1", a.sourceKey());
    }

    @Test
    void aFailedDownloadIsATransientDownloadFailureNamingTheFile() throws Exception {
        fixture.server.addFile("doc5", "u-doc5", new byte[]{1, 2, 3}, 3);
        fixture.server.failDownloads(502);
        Attachment a = map(Updates.document(1, 3, CHAT, USER, "/tag", "doc5", "art.png", "image/png", 3)).attachments().get(0);
        AttachmentDownloadException e = assertThrows(AttachmentDownloadException.class, () -> a.read(MB));
        assertEquals("art.png", e.fileName());
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
        assertFalse(e.getMessage().contains(FakeApiFixture.TOKEN), e.getMessage());
    }

    @Test
    void aDownloadStoppedAtTheDeadlineEndsAtOnceAndClosesItsConnection() throws Exception {
        fixture.server.addFile("doc6", "u-doc6", new byte[]{1, 2, 3}, 3);
        fixture.server.stallDownloads(Duration.ofSeconds(20));
        Attachment a = map(Updates.document(1, 3, CHAT, USER, "/tag", "doc6", "art.png", "image/png", 3)).attachments().get(0);
        java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                a.read(MB);
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        worker.start();
        while (fixture.server.downloads() == 0) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        long interrupted = System.nanoTime();
        worker.interrupt();
        Throwable t = failure.get(2, java.util.concurrent.TimeUnit.SECONDS);
        assertInstanceOf(java.io.InterruptedIOException.class, t);
        assertTrue((System.nanoTime() - interrupted) / 1_000_000 < 1_000, "the worker is free at once");
        for (int i = 0; i < 100 && fixture.resources.client().dispatcher().runningCallsCount() > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(0, fixture.resources.client().dispatcher().runningCallsCount(), "the call was cancelled, its socket closed");
    }

    @Test
    void aDocumentThatIsNotAnImageIsNotOffered() throws Exception {
        InboundMessage m = map(Updates.document(1, 3, CHAT, USER, "/tag", "doc2", "notes.pdf", "application/pdf", 10));
        assertTrue(m.attachments().isEmpty());
    }

    @Test
    void aFileOverTheBotApiLimitIsRefusedWithoutDownloadingAndSaysWhy() throws Exception {
        InboundMessage m = map(Updates.document(1, 3, CHAT, USER, "/tag", "big", "huge.png", "image/png", 25 * MB));
        Attachment a = m.attachments().get(0);
        AttachmentTooLargeException e = assertThrows(AttachmentTooLargeException.class, () -> a.read(50 * MB));
        assertInstanceOf(TelegramFileTooLargeException.class, e);
        assertEquals(20 * MB, e.limit());
        assertEquals("huge.png (25 MB) is too large: Telegram lets bots download files up to 20 MB. Please send a smaller version.",
                e.getMessage());
        assertNull(fixture.server.poll(Duration.ofMillis(200)), "no getFile for a file Telegram would not serve");
        assertEquals(0, fixture.server.downloads());
    }

    @Test
    void theCallersLimitIsEnforcedWhileReadingEvenWhenTheDeclaredSizeWasSmall() throws Exception {
        byte[] bytes = new byte[200_000];
        fixture.server.addFile("liar", "u-liar", bytes, 1_000);
        InboundMessage m = map(Updates.document(1, 3, CHAT, USER, "/tag", "liar", "small.png", "image/png", 1_000));
        AttachmentTooLargeException e = assertThrows(AttachmentTooLargeException.class, () -> m.attachments().get(0).read(100_000));
        assertEquals(100_000, e.limit());
        assertFalse(e instanceof TelegramFileTooLargeException, "the caller's limit, not Telegram's");
    }

    @Test
    void theLargestPhotoSizeIsOfferedAndRepliedToImagesComeWithTheReply() throws Exception {
        InboundMessage m = map(Updates.replyToPhoto(1, 9, CHAT, USER, "/similar", 8, USER, "p"));
        assertTrue(m.attachments().isEmpty());
        List<Attachment> replied = m.repliedTo().orElseThrow().attachments();
        assertEquals(1, replied.size());
        assertEquals("p-x", ((TelegramAttachment) replied.get(0)).fileId());
        assertEquals(120_000, replied.get(0).declaredSize());
        assertEquals("8", m.repliedTo().orElseThrow().messageId());
        assertEquals(9, m.messageId());
    }

    @Test
    void messagesWithoutTextOrCaptionAreNotForTheCore() throws Exception {
        Update parsed = new com.fasterxml.jackson.databind.ObjectMapper()
                .treeToValue(Updates.photo(1, 3, CHAT, USER, "", "p"), Update.class);
        assertTrue(mapper.map(parsed.getMessage()).isEmpty());
    }
}
