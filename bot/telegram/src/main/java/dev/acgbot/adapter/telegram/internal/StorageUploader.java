package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.Threads;
import dev.acgbot.adapterkit.TokenRedactor;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Uploads gallery images to the operator's storage chat, once each, to learn the file ids inline results need.
 * At most {@link #CONCURRENT} uploads run at once and {@link #QUEUED} wait (more are refused until a later
 * query), one per image however many queries ask for it. Uploads outlive the query that asked: what one answer
 * had no time for is there for the next.
 */
public final class StorageUploader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageUploader.class);
    /** Telegram's own flood limit for one chat is about one message a second; two in flight keep under it mostly. */
    static final int CONCURRENT = 2;
    static final int QUEUED = 64;

    private final BotApi api;
    private final TokenRedactor redactor;
    private final String chatId;
    private final UploadedFiles uploads;
    private final FileIdStore store;
    private final ThreadPoolExecutor pool;
    private final Map<String, CompletableFuture<Optional<FileIdStore.StoredFile>>> inFlight = new ConcurrentHashMap<>();

    public StorageUploader(BotApi api, TokenRedactor redactor, String chatId, FileIdStore store) {
        this.api = api;
        this.redactor = redactor;
        this.chatId = chatId;
        this.store = store;
        this.uploads = new UploadedFiles(store);
        this.pool = new ThreadPoolExecutor(CONCURRENT, CONCURRENT, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED),
                Threads.daemon(HttpResources.THREAD_PREFIX + "storage-"));
    }

    /** The image's id once uploaded; empty when the upload failed or the queue is full (a later query tries again). */
    public CompletableFuture<Optional<FileIdStore.StoredFile>> upload(String sha256, ImageRef ref) {
        Optional<FileIdStore.StoredFile> known = store.get(sha256);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<Optional<FileIdStore.StoredFile>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<FileIdStore.StoredFile>> running = inFlight.putIfAbsent(sha256, mine);
        if (running != null) {
            return running;
        }
        try {
            pool.execute(() -> {
                try {
                    mine.complete(send(sha256, ref));
                } finally {
                    inFlight.remove(sha256, mine);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(sha256, mine);
            mine.complete(Optional.empty());
        }
        return mine;
    }

    private Optional<FileIdStore.StoredFile> send(String sha256, ImageRef ref) {
        try {
            byte[] content = ref.content();
            String name = TelegramResponder.uploadName(ref);
            Message sent;
            if (content.length > TelegramResponder.PHOTO_MAX_BYTES) {
                sent = document(content, name);
            } else {
                try {
                    sent = api.call("sendPhoto", c -> c.execute(SendPhoto.builder().chatId(chatId)
                            .photo(new InputFile(new ByteArrayInputStream(content), name))
                            .disableNotification(true).build()));
                } catch (TelegramApiException e) {
                    if (!TelegramResponder.isPhotoRefused(e)) {
                        throw e;
                    }
                    sent = document(content, name);
                }
            }
            uploads.record(ref, sent);
            return store.get(sha256);
        } catch (TelegramApiException | IOException | RuntimeException e) {
            LOG.warn("Telegram: could not upload {} to the storage chat {} for inline results: {}",
                    LogText.safe(ref.fileName()), LogText.safe(chatId), redactor.describe(e));
            return Optional.empty();
        }
    }

    private Message document(byte[] content, String name) throws TelegramApiException {
        return api.call("sendDocument", c -> c.execute(SendDocument.builder().chatId(chatId)
                .document(new InputFile(new ByteArrayInputStream(content), name))
                .disableNotification(true).build()));
    }

    @Override
    public void close() {
        Threads.stop(pool, Duration.ofSeconds(1));
    }
}
