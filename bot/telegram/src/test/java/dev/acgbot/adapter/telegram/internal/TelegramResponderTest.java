package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramResponderTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private FakeApiFixture fixture;
    private TelegramResponder responder;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new FakeApiFixture(Duration.ofSeconds(5));
        responder = fixture.responder(42, 7);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aPhotoRefusedForItsDimensionsIsSentAsADocumentWithTheSameCaption() throws Exception {
        fixture.server.failNext("sendPhoto", 400, "Bad Request: PHOTO_INVALID_DIMENSIONS", null);
        responder.send(new Reply.Image(ImageRef.of(IMAGE, "tall.png"), RichText.builder().bold("tall").plain(" & thin").build()));
        ApiCall photo = fixture.server.next(WAIT);
        assertEquals("sendPhoto", photo.method());
        assertEquals(400, photo.answeredWith());
        ApiCall document = fixture.server.next(WAIT);
        assertEquals("sendDocument", document.method());
        assertEquals("<b>tall</b> &amp; thin", document.param("caption"));
        assertEquals("attach://tall.png", document.param("document"));
        assertArrayEquals(IMAGE, document.files().get("tall.png").bytes());
        assertEquals(7, document.params().get("reply_parameters").get("message_id").asInt());
    }

    @Test
    void aSpoileredPhotoTelegramRefusesIsNotSentAsAnUnblurredDocument() throws Exception {
        fixture.server.failNext("sendPhoto", 400, "Bad Request: PHOTO_INVALID_DIMENSIONS", null);
        responder.send(new Reply.Image(ImageRef.of(IMAGE, "tall.png").withSpoiler(), RichText.plain("")));
        ApiCall photo = fixture.server.next(WAIT);
        assertEquals("sendPhoto", photo.method());
        assertEquals("true", photo.param("has_spoiler"));
        assertEquals("⚠ " + TelegramResponder.MESSAGES.format(dev.acgbot.api.i18n.Language.EN, "spoiler_too_large"), fixture.server.next(WAIT).param("text"));
        assertNull(fixture.server.poll(Duration.ofMillis(300)), "no sendDocument");
    }

    @Test
    void anAlbumThatMustGoAsDocumentsSendsItsSpoileredImageAloneAsABlurredPhoto() throws Exception {
        byte[] large = new byte[(int) TelegramResponder.PHOTO_MAX_BYTES + 1];
        large[0] = (byte) 0x89;
        responder.send(new Reply.Album(RichText.plain("Two hits"), List.of(
                new Reply.Image(ImageRef.of(large, "large.png"), RichText.plain("large")),
                new Reply.Image(ImageRef.of(IMAGE, "adult.png").withSpoiler(), RichText.plain("adult")))));
        assertEquals("Two hits", fixture.server.next(WAIT).param("text"));
        ApiCall document = fixture.server.next(WAIT);
        assertEquals("sendDocument", document.method());
        assertEquals("attach://large.png", document.param("document"));
        ApiCall photo = fixture.server.next(WAIT);
        assertEquals("sendPhoto", photo.method());
        assertEquals("true", photo.param("has_spoiler"));
        assertArrayEquals(IMAGE, photo.files().get("adult.png").bytes());
        assertNull(fixture.server.poll(Duration.ofMillis(300)));
    }

    @Test
    void aGalleryFileSwappedForASymlinkAfterIndexingIsNotUploadedAndTheRestOfTheAlbumIs(@TempDir Path dir) throws Exception {
        Path gallery = Files.createDirectories(dir.resolve("gallery"));
        Path secret = Files.writeString(dir.resolve("bot-token.txt"), "123:SECRET");
        Path swapped = Files.write(gallery.resolve("a.png"), IMAGE);
        Path kept = Files.write(gallery.resolve("b.png"), IMAGE);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(IMAGE));
        List<Reply.Image> items = List.of(
                new Reply.Image(ImageRef.galleryFile(swapped, gallery, IMAGE.length, sha), RichText.plain("a")),
                new Reply.Image(ImageRef.galleryFile(kept, gallery, IMAGE.length, sha), RichText.plain("b")));
        Files.delete(swapped);
        Files.createSymbolicLink(swapped, secret);

        responder.send(new Reply.Album(RichText.plain("Two hits"), items));

        assertEquals("Two hits", fixture.server.next(WAIT).param("text"));
        ApiCall note = fixture.server.next(WAIT);
        assertEquals("⚠ A gallery image changed since it was indexed and was not sent; an admin can run /reindex.", note.param("text"));
        ApiCall photo = fixture.server.next(WAIT);
        assertEquals("sendPhoto", photo.method());
        assertArrayEquals(IMAGE, photo.files().get("b.png").bytes());
        assertNull(fixture.server.poll(Duration.ofMillis(300)), "nothing else, and never the link's target");
    }

    @Test
    void albumItemsWithTheSameOrUnusualFileNamesAreUploadedUnderDistinctPlainNames() throws Exception {
        List<Reply.Image> items = List.of(
                new Reply.Image(ImageRef.of(new byte[]{1}, "樱花 1.png"), RichText.plain("")),
                new Reply.Image(ImageRef.of(new byte[]{2}, "樱花 1.png"), RichText.plain("")));
        responder.send(new Reply.Album(RichText.plain(""), items));
        ApiCall group = fixture.server.next(WAIT);
        assertEquals("sendMediaGroup", group.method());
        List<String> attached = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String media = group.params().get("media").get(i).get("media").asText();
            attached.add(media);
            assertArrayEquals(new byte[]{(byte) (i + 1)}, group.files().get(media.substring("attach://".length())).bytes());
        }
        assertEquals(List.of("attach://0____1.png", "attach://1____1.png"), attached);
    }

    @Test
    void imagesTelegramRefusesOutrightAreReportedToTheUser() throws Exception {
        fixture.server.failNext("sendMediaGroup", 413, "Request Entity Too Large", null);
        responder.send(new Reply.Album(RichText.plain(""), List.of(
                new Reply.Image(ImageRef.of(IMAGE, "a.png"), RichText.plain("")),
                new Reply.Image(ImageRef.of(IMAGE, "b.png"), RichText.plain("")))));
        assertEquals(413, fixture.server.next(WAIT).answeredWith());
        assertEquals("⚠ Telegram did not accept the images (Request Entity Too Large).", fixture.server.next(WAIT).param("text"));
    }

    @Test
    void otherPhotoFailuresAreNotRetriedAsDocuments() throws Exception {
        fixture.server.failNext("sendPhoto", 403, "Forbidden: bot was blocked by the user", null);
        responder.send(Reply.image(ImageRef.of(IMAGE, "a.png"), "x"));
        assertEquals("sendPhoto", fixture.server.next(WAIT).method());
        assertNull(fixture.server.poll(Duration.ofMillis(300)));
    }

    @Test
    void floodControlLongerThanTheConfiguredMaximumIsNotWaitedOut() throws Exception {
        fixture.server.failNext("sendMessage", 429, "Too Many Requests: retry after 60", 60);
        long start = System.nanoTime();
        responder.send(Reply.text("hello"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3_000, "did not sleep for a minute");
        assertEquals(429, fixture.server.next(WAIT).answeredWith());
        assertNull(fixture.server.poll(Duration.ofMillis(300)), "given up, not retried");
    }

    @Test
    void errorsCarryAWarningSignAndTheReferenceOnce() throws Exception {
        responder.send(new Reply.Error("That failed.", "abc123"));
        assertEquals("⚠ That failed.\n(ref <code>abc123</code>)", fixture.server.next(WAIT).param("text"));
        responder.send(new Reply.Error("Look it up with reference abc123.", "abc123"));
        assertEquals("⚠ Look it up with reference abc123.", fixture.server.next(WAIT).param("text"));
    }

    @Test
    void aLongReplyIsSentInSeveralMessagesInOrder() throws Exception {
        responder.send(Reply.text(("line of text\n").repeat(700))); // 9100 characters
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApiCall call = fixture.server.next(WAIT);
            assertEquals("sendMessage", call.method());
            texts.add(call.param("text"));
        }
        assertEquals(("line of text\n").repeat(700), String.join("", texts));
        assertNull(fixture.server.poll(Duration.ofMillis(200)));
    }

    @Test
    void anAlbumOfOneIsASinglePhotoAfterItsHeader() throws Exception {
        responder.send(new Reply.Album(RichText.plain("One hit"), List.of(new Reply.Image(ImageRef.of(IMAGE, "a.png"), RichText.plain("a")))));
        assertEquals("One hit", fixture.server.next(WAIT).param("text"));
        ApiCall photo = fixture.server.next(WAIT);
        assertEquals("sendPhoto", photo.method());
        assertEquals("a", photo.param("caption"));
    }

    @Test
    void progressEditsTheSameMessageAndSkipsUnchangedText() throws Exception {
        var progress = responder.progress("Working <1>");
        ApiCall sent = fixture.server.next(WAIT);
        assertEquals("Working &lt;1&gt;", sent.param("text"));
        progress.update("Working <2>");
        progress.update("Working <2>");
        ApiCall edit = fixture.server.next(WAIT);
        assertEquals("editMessageText", edit.method());
        assertEquals("Working &lt;2&gt;", edit.param("text"));
        assertNull(fixture.server.poll(Duration.ofMillis(200)), "an unchanged update is not sent");
    }
}
