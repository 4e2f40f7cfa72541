package dev.acgbot.adapter.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acgbot.adapter.telegram.fake.ApiCall;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.inline.InlineAnswer;
import dev.acgbot.api.inline.InlineResult;
import dev.acgbot.api.reply.ImageRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The adapter's side of an inline answer: file ids, the storage chat's upload budget, the photo-refused fallback. */
class InlineQueriesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private FakeApiFixture fixture;
    private FileIdStore store;
    private StorageUploader storage;
    private InlineQueries inline;

    @BeforeEach
    void start() throws Exception {
        fixture = new FakeApiFixture(Duration.ofSeconds(1));
        store = FileIdStore.open(dir.resolve(FileIdStore.FILE_NAME));
        storage = new StorageUploader(fixture.api, fixture.redactor, "-100999", store);
        inline = new InlineQueries(fixture.api, fixture.redactor, store, Optional.of(storage), Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        inline.close();
        fixture.close();
    }

    private InlineResult image(String name) throws Exception {
        byte[] bytes = ("image " + name).getBytes();
        Path root = Files.createDirectories(dir.resolve("gallery"));
        Path file = Files.write(root.resolve(name), bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new InlineResult(sha, ImageRef.galleryFile(file, root, bytes.length, sha), "title " + name, "caption " + name);
    }

    private static InlineAnswer page(InlineResult... results) {
        return new InlineAnswer(List.of(results), "", Optional.empty(), Duration.ofSeconds(30));
    }

    @Test
    void anUploadSlowerThanTheBudgetIsLeftOutThenReusedByTheNextQuery() throws Exception {
        InlineResult known = image("known.png");
        InlineResult slow = image("slow.png");
        store.put(known.id(), new FileIdStore.StoredFile(FileIdStore.Kind.PHOTO, "photo-known"));
        // the fake records a call when it answers: an answer recorded before the upload did not wait for it
        fixture.server.slowDown("sendPhoto", Duration.ofSeconds(2));

        inline.answer("q1", page(known, slow), Language.EN);
        ApiCall first = fixture.server.next(WAIT);
        assertEquals("answerInlineQuery", first.method(), "answered within the budget, before the upload ends");
        JsonNode results = first.params().get("results");
        assertEquals(1, results.size());
        assertEquals("photo-known", results.get(0).path("photo_file_id").asText());
        assertEquals("caption known.png", results.get(0).path("caption").asText());
        assertEquals("1 more image is on the way: type again", first.params().get("button").path("text").asText());
        assertEquals("0", first.param("cache_time"), "a partial answer is not cached");

        ApiCall upload = fixture.server.next(WAIT);
        assertEquals("sendPhoto", upload.method());
        assertEquals("-100999", upload.param("chat_id"));
        long until = System.nanoTime() + WAIT.toNanos();
        while (store.get(slow.id()).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        String slowId = store.get(slow.id()).orElseThrow().fileId();

        inline.answer("q2", page(known, slow), Language.EN);
        ApiCall second = fixture.server.next(WAIT);
        assertEquals("answerInlineQuery", second.method(), "no second upload");
        assertEquals(List.of("photo-known", slowId), List.of(second.params().get("results").get(0).path("photo_file_id").asText(),
                second.params().get("results").get(1).path("photo_file_id").asText()));
        assertNull(second.params().get("button"));
        assertEquals("30", second.param("cache_time"));
        assertEquals("true", second.param("is_personal"));
    }

    @Test
    void aStoredIdTelegramRefusesIsForgottenAndTheImageUploadedAgainForTheNextQuery() throws Exception {
        InlineResult stale = image("stale.png");
        store.put(stale.id(), new FileIdStore.StoredFile(FileIdStore.Kind.PHOTO, "photo-deleted-on-telegram"));
        fixture.server.failNext("answerInlineQuery", 400, "Bad Request: wrong file identifier/HTTP URL specified", null);

        inline.answer("q1", page(stale), Language.EN);
        ApiCall refused = fixture.server.next(WAIT);
        assertEquals(List.of("answerInlineQuery", 400), List.of(refused.method(), refused.answeredWith()));
        ApiCall retried = fixture.server.next(WAIT);
        assertEquals("answerInlineQuery", retried.method());
        assertEquals(0, retried.params().get("results").size(), "answered once more, without the refused ids");
        assertEquals("1 more image is on the way: type again", retried.params().get("button").path("text").asText());
        assertEquals("0", retried.param("cache_time"));
        assertEquals(Optional.empty(), store.get(stale.id()));
        assertEquals(Optional.empty(), FileIdStore.open(dir.resolve(FileIdStore.FILE_NAME)).get(stale.id()),
                "forgotten in the file too");

        inline.answer("q2", page(stale), Language.EN);
        assertEquals("sendPhoto", fixture.server.next(WAIT).method(), "uploaded to the storage chat again");
        ApiCall answer = fixture.server.next(WAIT);
        assertEquals(store.get(stale.id()).orElseThrow().fileId(), answer.params().get("results").get(0).path("photo_file_id").asText());
    }

    @Test
    void twoQueriesWaitingForOneImageUploadItOnce() throws Exception {
        InlineResult slow = image("shared.png");
        fixture.server.slowDown("sendPhoto", Duration.ofSeconds(2));
        inline.answer("q1", page(slow), Language.EN);
        inline.answer("q2", page(slow), Language.EN);
        assertEquals("answerInlineQuery", fixture.server.next(WAIT).method());
        assertEquals("answerInlineQuery", fixture.server.next(WAIT).method());
        assertEquals("sendPhoto", fixture.server.next(WAIT).method());
        assertNull(fixture.server.poll(Duration.ofMillis(500)), "one upload for both");
    }

    @Test
    void anImageTelegramRefusesAsAPhotoBecomesADocumentResult() throws Exception {
        InlineResult strip = image("strip.png");
        fixture.server.failNext("sendPhoto", 400, "Bad Request: PHOTO_INVALID_DIMENSIONS", null);
        inline.answer("q1", page(strip), Language.EN);
        assertEquals("sendPhoto", fixture.server.next(WAIT).method());
        assertEquals("sendDocument", fixture.server.next(WAIT).method());
        ApiCall answer = fixture.server.next(WAIT);
        JsonNode result = answer.params().get("results").get(0);
        assertEquals("document", result.path("type").asText());
        assertEquals(store.get(strip.id()).orElseThrow().fileId(), result.path("document_file_id").asText());
        assertEquals("title strip.png", result.path("title").asText());
    }

    @Test
    void withoutAStorageChatOnlyKnownImagesAreShownAndTheButtonSaysHowToGetMore() throws Exception {
        InlineQueries noStorage = new InlineQueries(fixture.api, fixture.redactor, store, Optional.empty(), Duration.ofMillis(300));
        try {
            InlineResult a = image("a.png");
            InlineResult b = image("b.png");
            store.put(b.id(), new FileIdStore.StoredFile(FileIdStore.Kind.PHOTO, "photo-b"));
            noStorage.answer("q1", page(a, b), Language.ZH);
            ApiCall answer = fixture.server.next(WAIT);
            assertEquals(1, answer.params().get("results").size());
            assertEquals("photo-b", answer.params().get("results").get(0).path("photo_file_id").asText());
            assertEquals("还有 1 张图片：请先在与我的私聊中 /search", answer.params().get("button").path("text").asText());
            assertEquals("search", answer.params().get("button").path("start_parameter").asText());
        } finally {
            noStorage.close();
        }
    }
}
