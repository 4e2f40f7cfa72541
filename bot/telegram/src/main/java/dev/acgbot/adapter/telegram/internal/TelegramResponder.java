package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.i18n.Messages;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.adapterkit.TokenRedactor;
import dev.acgbot.api.reply.ImageChangedException;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.ProgressMessage;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.api.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.media.InputMedia;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaDocument;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends replies to one Telegram chat, each as a reply to the command message: text as HTML messages, an image
 * as a photo (or a document when Telegram refuses it as a photo), an album as media groups of at most ten.
 * Never throws for delivery failures; it logs them without the token.
 */
public final class TelegramResponder implements Responder {
    private static final Logger log = LoggerFactory.getLogger(TelegramResponder.class);
    /** sendMediaGroup takes 2 to 10 items. */
    static final int MEDIA_GROUP_MAX = 10;
    /** Telegram refuses photos above 10 MB; such images go as documents straight away. */
    static final long PHOTO_MAX_BYTES = 10L * 1024 * 1024;
    static final String ERROR_PREFIX = "⚠ ";
    /** The adapter's own notes; see {@link #useLanguage}. */
    static final Messages MESSAGES = Messages.load("dev/acgbot/adapter/telegram/messages", TelegramResponder.class.getClassLoader());

    private final BotApi api;
    private final TokenRedactor redactor;
    private final String chatId;
    private final Integer replyToMessageId;
    private final Integer threadId;
    private volatile Language language = Language.EN;
    private final UploadedFiles uploads;

    public TelegramResponder(BotApi api, TokenRedactor redactor, long chatId, Integer replyToMessageId, Integer threadId) {
        this(api, redactor, chatId, replyToMessageId, threadId, UploadedFiles.none());
    }

    /** @param uploads keeps the file id of every gallery image sent, for inline results */
    public TelegramResponder(BotApi api, TokenRedactor redactor, long chatId, Integer replyToMessageId, Integer threadId,
                             UploadedFiles uploads) {
        this.uploads = uploads;
        this.api = api;
        this.redactor = redactor;
        this.chatId = String.valueOf(chatId);
        this.replyToMessageId = replyToMessageId;
        this.threadId = threadId;
    }

    @Override
    public void send(Reply reply) {
        try {
            switch (reply) {
                case Reply.Text text -> sendText(text.text());
                case Reply.Image image -> sendImage(image);
                case Reply.Album album -> sendAlbum(album);
                case Reply.Error error -> sendText(errorText(error, language));
            }
        } catch (TelegramApiException | IOException | RuntimeException e) {
            if (changed(e) != null) {
                log.warn("Telegram: not sending a gallery image to chat {}: {}", chatId, LogText.safe(changed(e).getMessage()));
                tellUser(MESSAGES.format(language, "image_changed", 1));
                return;
            }
            log.warn("Telegram: could not deliver a {} reply to chat {}: {}",
                    reply.getClass().getSimpleName(), chatId, redactor.describe(e));
            if ((reply instanceof Reply.Image || reply instanceof Reply.Album) && e instanceof TelegramApiException api
                    && BotApi.errorCode(api) != 403 && BotApi.errorCode(api) != 429) {
                tellUser(MESSAGES.format(language, "images_refused", BotApi.description(api)));
            }
        }
    }


    private static ImageChangedException changed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ImageChangedException c) {
                return c;
            }
        }
        return null;
    }

    /** A short note instead of silence; not attempted when the bot may not write here (403) or is throttled. */
    private void tellUser(String text) {
        try {
            sendHtml(TelegramHtml.escape(ERROR_PREFIX + TelegramHtml.plainWithin(text, 500)));
        } catch (TelegramApiException | RuntimeException again) {
            log.debug("Telegram: could not report the failure to chat {} either: {}", chatId, redactor.describe(again));
        }
    }

    @Override
    public ProgressMessage progress(String initialText) {
        Integer messageId = null;
        String html = TelegramHtml.escape(TelegramHtml.plainWithin(initialText, TelegramHtml.MESSAGE_LIMIT));
        try {
            Message sent = sendHtml(html);
            messageId = sent == null ? null : sent.getMessageId();
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Telegram: could not send a progress message to chat {}: {}", chatId, redactor.describe(e));
        }
        return new TelegramProgressMessage(api, redactor, chatId, messageId, messageId == null ? "" : html, this);
    }

    @Override
    public void useLanguage(Language chosen) {
        this.language = chosen;
    }

    static RichText errorText(Reply.Error error, Language language) {
        RichText.Builder b = RichText.builder().plain(ERROR_PREFIX + error.message());
        // the core often writes the reference into the message already; show it once
        if (!error.correlationId().isEmpty() && !error.message().contains(error.correlationId())) {
            b.plain(MESSAGES.format(language, "ref_open")).code(error.correlationId()).plain(MESSAGES.format(language, "ref_close"));
        }
        return b.build();
    }

    void sendText(RichText text) throws TelegramApiException {
        for (String part : TelegramHtml.messageParts(text)) {
            sendHtml(part);
        }
    }

    /** Sends one message of HTML text, at most {@link TelegramHtml#MESSAGE_LIMIT} visible characters. */
    Message sendHtml(String html) throws TelegramApiException {
        return api.call("sendMessage", c -> c.execute(SendMessage.builder()
                .chatId(chatId)
                .messageThreadId(threadId)
                .text(html)
                .parseMode(ParseMode.HTML)
                .replyParameters(replyParameters())
                .build()));
    }

    private void sendImage(Reply.Image image) throws TelegramApiException, IOException {
        sendImage(image, image.image().content());
    }

    private void sendImage(Reply.Image image, byte[] content) throws TelegramApiException {
        String caption = TelegramHtml.caption(image.caption());
        ImageRef ref = image.image();
        boolean spoiler = ref.spoiler();
        if (content.length > PHOTO_MAX_BYTES) {
            if (spoiler) {
                // a document cannot be sent behind a spoiler, and its preview would show the image
                tellUser(MESSAGES.format(language, "spoiler_too_large"));
                return;
            }
            sendDocument(ref, content, caption);
            return;
        }
        try {
            uploads.record(ref, api.call("sendPhoto", c -> c.execute(SendPhoto.builder()
                    .chatId(chatId)
                    .messageThreadId(threadId)
                    .photo(inputFile(ref, content))
                    .caption(emptyToNull(caption))
                    .parseMode(caption.isEmpty() ? null : ParseMode.HTML)
                    .hasSpoiler(spoiler ? Boolean.TRUE : null)
                    .replyParameters(replyParameters())
                    .build())));
        } catch (TelegramApiException e) {
            if (!isPhotoRefused(e)) {
                throw e;
            }
            if (spoiler) {
                log.info("Telegram refused {} as a photo ({}); not sending it as a document, which has no spoiler",
                        LogText.safe(ref.fileName()), BotApi.description(e));
                tellUser(MESSAGES.format(language, "spoiler_too_large"));
                return;
            }
            log.info("Telegram refused {} as a photo ({}); sending it as a document", LogText.safe(ref.fileName()), BotApi.description(e));
            sendDocument(ref, content, caption);
        }
    }

    private void sendDocument(ImageRef ref, byte[] content, String caption) throws TelegramApiException {
        uploads.record(ref, api.call("sendDocument", c -> c.execute(SendDocument.builder()
                .chatId(chatId)
                .messageThreadId(threadId)
                .document(inputFile(ref, content))
                .caption(emptyToNull(caption))
                .parseMode(caption.isEmpty() ? null : ParseMode.HTML)
                .replyParameters(replyParameters())
                .build())));
    }

    /** An album item with the bytes to upload, read (and checked) once. */
    private record Loaded(Reply.Image item, byte[] content) {
    }

    private void sendAlbum(Reply.Album album) throws TelegramApiException, IOException {
        sendText(album.header());
        List<Loaded> loaded = new ArrayList<>();
        int changed = 0;
        for (Reply.Image item : album.items()) {
            try {
                loaded.add(new Loaded(item, item.image().content()));
            } catch (ImageChangedException e) {
                log.warn("Telegram: not sending a gallery image to chat {}: {}", chatId, LogText.safe(e.getMessage()));
                changed++;
            }
        }
        if (changed > 0) {
            tellUser(MESSAGES.format(language, "image_changed", changed));
        }
        for (List<Loaded> group : groups(loaded, MEDIA_GROUP_MAX)) {
            if (group.size() == 1) {
                sendImage(group.get(0).item(), group.get(0).content());
                continue;
            }
            boolean asDocuments = group.stream().anyMatch(i -> i.content().length > PHOTO_MAX_BYTES);
            boolean spoilers = group.stream().anyMatch(i -> i.item().image().spoiler());
            if (asDocuments && spoilers) {
                // documents have no spoiler: one by one, each spoilered image as a photo or not at all
                for (Loaded one : group) {
                    sendImage(one.item(), one.content());
                }
                continue;
            }
            try {
                sendMediaGroup(group, asDocuments);
            } catch (TelegramApiException e) {
                if (asDocuments || !isPhotoRefused(e)) {
                    throw e;
                }
                if (spoilers) {
                    log.info("Telegram refused an album with spoilers as photos ({}); sending its images one by one",
                            BotApi.description(e));
                    for (Loaded one : group) {
                        sendImage(one.item(), one.content());
                    }
                    continue;
                }
                log.info("Telegram refused an album as photos ({}); sending it as documents", BotApi.description(e));
                sendMediaGroup(group, true);
            }
        }
    }

    private void sendMediaGroup(List<Loaded> group, boolean asDocuments) throws TelegramApiException {
        List<Message> sent = api.call("sendMediaGroup", c -> {
            List<InputMedia> media = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                Reply.Image item = group.get(i).item();
                String caption = TelegramHtml.caption(item.caption());
                // the name is also the multipart part name: it must be unique within the group
                String name = i + "_" + uploadName(item.image());
                InputStream in = new ByteArrayInputStream(group.get(i).content());
                InputMedia m = asDocuments ? new InputMediaDocument(in, name) : new InputMediaPhoto(in, name);
                if (!asDocuments && item.image().spoiler()) {
                    ((InputMediaPhoto) m).setHasSpoiler(true);
                }
                if (!caption.isEmpty()) {
                    m.setCaption(caption);
                    m.setParseMode(ParseMode.HTML);
                }
                media.add(m);
            }
            return c.execute(SendMediaGroup.builder()
                    .chatId(chatId)
                    .messageThreadId(threadId)
                    .medias(media)
                    .replyParameters(replyParameters())
                    .build());
        });
        uploads.recordAll(group.stream().map(l -> l.item().image()).toList(), sent);
    }

    /**
     * Splits items into groups of at most {@code max}, as even as possible, so that no group but a lone
     * image has a single item (sendMediaGroup needs at least two).
     */
    static <T> List<List<T>> groups(List<T> items, int max) {
        int count = (items.size() + max - 1) / max;
        List<List<T>> out = new ArrayList<>();
        int start = 0;
        for (int g = 0; g < count; g++) {
            int size = items.size() / count + (g < items.size() % count ? 1 : 0);
            out.add(List.copyOf(items.subList(start, start + size)));
            start += size;
        }
        return out;
    }

    /** Telegram answers 400 with such descriptions when a photo's size, ratio or format does not suit it. */
    static boolean isPhotoRefused(TelegramApiException e) {
        if (BotApi.errorCode(e) != 400) {
            return false;
        }
        String d = BotApi.description(e).toUpperCase(Locale.ROOT);
        return d.contains("PHOTO_INVALID_DIMENSIONS") || d.contains("IMAGE_PROCESS_FAILED")
                || d.contains("PHOTO_SAVE_FILE_INVALID") || d.contains("PHOTO_EXT_INVALID")
                || d.contains("PHOTO_CONTENT_TYPE_INVALID") || d.contains("TOO BIG");
    }

    private ReplyParameters replyParameters() {
        return replyToMessageId == null ? null
                : ReplyParameters.builder().messageId(replyToMessageId).allowSendingWithoutReply(true).build();
    }

    private static InputFile inputFile(ImageRef ref, byte[] content) {
        return new InputFile(new ByteArrayInputStream(content), uploadName(ref));
    }

    /**
     * The file name as an upload part name: telegrambots uses it unquoted in {@code attach://<name>} and as the
     * multipart field name, so only plain characters are kept.
     */
    static String uploadName(ImageRef ref) {
        String name = ref.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.chars().allMatch(c -> c == '_' || c == '.') ? "image" + extension(ref.fileName()) : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 ? name.substring(dot) : "";
        return ext.matches("\\.[A-Za-z0-9]{1,5}") ? ext : "";
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
