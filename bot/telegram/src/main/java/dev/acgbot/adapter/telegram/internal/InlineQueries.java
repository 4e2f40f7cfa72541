package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.Threads;
import dev.acgbot.adapterkit.TokenRedactor;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.inline.InlineAnswer;
import dev.acgbot.api.inline.InlineChatType;
import dev.acgbot.api.inline.InlineQuery;
import dev.acgbot.api.inline.InlineResponder;
import dev.acgbot.api.inline.InlineResult;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.cached.InlineQueryResultCachedDocument;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.cached.InlineQueryResultCachedPhoto;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Telegram inline mode: an {@code inline_query} update goes to the core as an {@link InlineQuery}; its answer comes
 * back as gallery images, which Telegram only shows by file id. Images the bot has sent before have one
 * ({@link FileIdStore}); the others are uploaded to the storage chat when one is configured, within
 * {@link #UPLOAD_BUDGET} per query, and left out of this answer when they take longer (their upload goes on, for
 * the next query). Answers are sent on two threads of this class's own, never on the poll thread.
 */
public final class InlineQueries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InlineQueries.class);
    /**
     * Telegram refuses answers to queries older than about 10 s; the core's search has up to 6 s of that, so the
     * uploads get what is left with a margin.
     */
    static final Duration UPLOAD_BUDGET = Duration.ofSeconds(3);
    /** A photo caption is at most 1024 characters; the button text 64. */
    static final int CAPTION_LIMIT = 1024;
    static final int BUTTON_LIMIT = 64;
    /** The button opens the chat with the bot as {@code /start search}, which shows /help search. */
    static final String START_PARAMETER = "search";

    private final BotApi api;
    private final TokenRedactor redactor;
    private final FileIdStore store;
    private final Optional<StorageUploader> storage;
    private final ThreadPoolExecutor pool;
    private final AtomicBoolean operatorTold = new AtomicBoolean();
    private final Duration uploadBudget;

    public InlineQueries(BotApi api, TokenRedactor redactor, FileIdStore store, Optional<StorageUploader> storage) {
        this(api, redactor, store, storage, UPLOAD_BUDGET);
    }

    InlineQueries(BotApi api, TokenRedactor redactor, FileIdStore store, Optional<StorageUploader> storage,
                  Duration uploadBudget) {
        this.uploadBudget = uploadBudget;
        this.api = api;
        this.redactor = redactor;
        this.store = store;
        this.storage = storage;
        // typing sends a query per pause: a short queue, and a query that finds it full is answered by silence
        this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(32),
                Threads.daemon(HttpResources.THREAD_PREFIX + "inline-"));
    }

    /** Hands the query to the core; returns at once. */
    public void offer(InboundSink sink, org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery update) {
        if (update == null || update.getFrom() == null || update.getId() == null) {
            return;
        }
        InlineQuery query = map(update);
        sink.onInlineQuery(query, new Responder(update.getId(), query));
    }

    /** Takes the core's answer to one query and sends it from this class's threads. */
    private final class Responder implements InlineResponder {
        private final String queryId;
        private final InlineQuery query;
        private volatile Language language;

        Responder(String queryId, InlineQuery query) {
            this.queryId = queryId;
            this.query = query;
            this.language = Language.fromTag(query.user().languageTag()).orElse(Language.EN);
        }

        @Override
        public void useLanguage(Language chosen) {
            language = chosen;
        }

        @Override
        public void answer(InlineAnswer answer) {
            Language words = language;
            try {
                pool.execute(() -> InlineQueries.this.answer(queryId, answer, words));
            } catch (RejectedExecutionException e) {
                LOG.info("Telegram: dropped an inline query from {}: the inline answer queue is full",
                        LogText.safe(query.user().id()));
            }
        }
    }

    static InlineQuery map(org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery update) {
        User from = update.getFrom();
        ChatUser user = new ChatUser(String.valueOf(from.getId()), MessageMapper.displayName(from), from.getLanguageCode());
        return new InlineQuery(MessageMapper.PLATFORM, user, update.getQuery(), update.getOffset(), chatType(update.getChatType()));
    }

    static InlineChatType chatType(String type) {
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "sender" -> InlineChatType.SENDER;
            case "private" -> InlineChatType.PRIVATE;
            case "group", "supergroup" -> InlineChatType.GROUP;
            case "channel" -> InlineChatType.CHANNEL;
            default -> InlineChatType.UNKNOWN;
        };
    }

    /** One result with the id Telegram knows its image by, once known. */
    private record Pending(InlineResult result, Optional<FileIdStore.StoredFile> known,
                           CompletableFuture<Optional<FileIdStore.StoredFile>> upload) {
    }

    /** @param language for the words this class adds (the button), as the core chose it for the user */
    void answer(String queryId, InlineAnswer answer, Language language) {
        List<Pending> pending = new ArrayList<>();
        for (InlineResult result : answer.results()) {
            String sha = sha256(result.image());
            if (sha == null) {
                continue;
            }
            Optional<FileIdStore.StoredFile> known = store.get(sha);
            CompletableFuture<Optional<FileIdStore.StoredFile>> upload = known.isPresent() || storage.isEmpty()
                    ? CompletableFuture.completedFuture(known) : storage.get().upload(sha, result.image());
            pending.add(new Pending(result, known, upload));
        }
        long deadline = System.nanoTime() + uploadBudget.toNanos();
        List<InlineQueryResult> results = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        int missing = answer.results().size() - pending.size();
        for (Pending p : pending) {
            Optional<FileIdStore.StoredFile> id = p.known().isPresent() ? p.known() : await(p.upload(), deadline);
            if (id.isPresent()) {
                results.add(render(p.result(), id.get()));
                shown.add(p.result().id());
            } else {
                missing++;
            }
        }
        Optional<String> notice = answer.notice();
        if (missing > 0 && notice.isEmpty()) {
            notice = Optional.of(TelegramResponder.MESSAGES.format(language,
                    storage.isPresent() ? "inline.uploading" : "inline.not_uploaded", missing));
        }
        if (missing > 0 && storage.isEmpty() && operatorTold.compareAndSet(false, true)) {
            LOG.info("Telegram inline mode: {} result(s) have no file id yet and were left out; set "
                    + "adapters.telegram.storage_chat_id to a private chat or channel the bot can post to, and the bot "
                    + "uploads them there once (docs/adapters.md)", missing);
        }
        // a partial answer must not be cached: the next query should show what the uploads have added
        int cacheSeconds = missing > 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, answer.cacheFor().toSeconds());
        if (!send(queryId, results, answer.nextOffset(), notice, cacheSeconds) && !shown.isEmpty()) {
            // Telegram refuses the whole answer for one id it no longer knows: forget this answer's ids (the next
            // query uploads them again) and answer this one with the button alone
            store.forget(pending.stream().filter(p -> p.known().isPresent()).map(p -> p.result().id()).toList());
            String key = storage.isPresent() ? "inline.uploading" : "inline.not_uploaded";
            send(queryId, List.of(), "", Optional.of(TelegramResponder.MESSAGES.format(language, key,
                    answer.results().size())), 0);
        }
    }

    /** Sends the answer; false when Telegram refused one of its file ids (true for every other outcome). */
    private boolean send(String queryId, List<InlineQueryResult> results, String nextOffset, Optional<String> notice,
                         int cacheSeconds) {
        AnswerInlineQuery.AnswerInlineQueryBuilder<?, ?> b = AnswerInlineQuery.builder()
                .inlineQueryId(queryId)
                .results(results)
                .cacheTime(cacheSeconds)
                // results depend on the user (rate limit, language) and the chat kind: never shared between users
                .isPersonal(true)
                .nextOffset(nextOffset);
        notice.ifPresent(text -> b.button(InlineQueryResultsButton.builder()
                .text(TelegramHtml.plainWithin(text, BUTTON_LIMIT)).startParameter(START_PARAMETER).build()));
        try {
            api.call("answerInlineQuery", c -> c.execute(b.build()));
            return true;
        } catch (TelegramApiException e) {
            if (!results.isEmpty() && refusedFileId(e)) {
                LOG.warn("Telegram refused a stored file id in an inline answer ({}): forgetting this answer's ids",
                        LogText.safe(BotApi.description(e)));
                return false;
            }
            // most often "query is too old": the user typed on, and a newer query has its own answer
            LOG.info("Telegram: could not answer an inline query: {}", redactor.describe(e));
        } catch (RuntimeException e) {
            LOG.info("Telegram: could not answer an inline query: {}", redactor.describe(e));
        }
        return true;
    }

    /** "Bad Request: wrong file identifier/HTTP URL specified", PHOTO_INVALID, DOCUMENT_INVALID, MEDIA_EMPTY … */
    static boolean refusedFileId(TelegramApiException e) {
        String text = BotApi.description(e).toLowerCase(Locale.ROOT);
        return BotApi.errorCode(e) == 400
                && (text.contains("file") || text.contains("photo") || text.contains("document") || text.contains("media"));
    }

    private static InlineQueryResult render(InlineResult result, FileIdStore.StoredFile id) {
        String caption = result.caption().isEmpty() ? null : TelegramHtml.plainWithin(result.caption(), CAPTION_LIMIT);
        String title = result.title().isEmpty() ? result.image().fileName() : result.title();
        return switch (id.kind()) {
            case PHOTO -> InlineQueryResultCachedPhoto.builder().id(result.id()).photoFileId(id.fileId())
                    .title(title).caption(caption).build();
            case DOCUMENT -> InlineQueryResultCachedDocument.builder().id(result.id()).documentFileId(id.fileId())
                    .title(title).caption(caption).build();
        };
    }

    private static Optional<FileIdStore.StoredFile> await(CompletableFuture<Optional<FileIdStore.StoredFile>> upload,
                                                          long deadline) {
        try {
            return upload.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The indexed hash of a gallery file, else the hash of the bytes; null when they cannot be read. */
    static String sha256(ImageRef ref) {
        if (ref.expected() != null) {
            return ref.expected().sha256();
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ref.content()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    @Override
    public void close() {
        Threads.stop(pool, Duration.ofSeconds(1));
        storage.ifPresent(StorageUploader::close);
    }
}
