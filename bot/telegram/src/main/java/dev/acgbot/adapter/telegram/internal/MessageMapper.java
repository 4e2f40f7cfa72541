package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.ChatUser;
import dev.acgbot.api.command.ImageUnavailableException;
import dev.acgbot.api.command.RepliedMessage;
import dev.acgbot.api.command.UnavailableImage;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.games.Animation;
import org.telegram.telegrambots.meta.api.objects.stickers.Sticker;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a Telegram message into what the core needs: the text or caption, the images (a photo's largest
 * size, a document that is an image, a sticker, an animation's GIF or still thumbnail, the links in its text) and
 * those of the message it replies to.
 */
public final class MessageMapper {
    static final String PLATFORM = "telegram";
    private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp");

    private final FileDownloader downloader;
    private final LinkImages links;

    /** @param links the links in a message as images; fetched safely when read */
    public MessageMapper(FileDownloader downloader, LinkImages links) {
        this.downloader = downloader;
        this.links = links;
    }

    /** The message in core terms, or empty when it carries nothing a command could use (no text, no sender). */
    public Optional<InboundMessage> map(Message message) {
        if (message == null || message.getFrom() == null || message.getChat() == null) {
            return Optional.empty();
        }
        String text = textOf(message);
        if (text.isBlank()) {
            return Optional.empty();
        }
        User from = message.getFrom();
        MessageOrigin origin = new MessageOrigin(PLATFORM, String.valueOf(message.getChat().getId()),
                new ChatUser(String.valueOf(from.getId()), displayName(from), from.getLanguageCode()),
                "private".equals(message.getChat().getType()), false);
        Optional<RepliedMessage> replied = Optional.ofNullable(message.getReplyToMessage())
                .map(r -> new RepliedMessage(String.valueOf(r.getMessageId()), textOf(r), images(r)));
        Integer thread = Boolean.TRUE.equals(message.getIsTopicMessage()) ? message.getMessageThreadId() : null;
        return Optional.of(new InboundMessage(origin, text, images(message), replied, message.getChat().getId(),
                message.getMessageId(), thread));
    }

    /**
     * An album (the parts of one media group, in order): the captioned part carries the command, every part
     * contributes its image. Empty when no part has a caption.
     */
    public Optional<InboundMessage> mapAlbum(List<Message> parts) {
        Optional<Message> captioned = parts.stream().filter(m -> !textOf(m).isBlank()).findFirst();
        return captioned.flatMap(this::map).map(m -> {
            List<Attachment> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(images(part)));
            return new InboundMessage(m.origin(), m.text(), all, m.repliedTo(), m.chatId(), m.messageId(), m.threadId());
        });
    }

    List<Attachment> images(Message message) {
        List<Attachment> images = new ArrayList<>();
        List<PhotoSize> sizes = message.getPhoto();
        if (sizes != null && !sizes.isEmpty()) {
            // Telegram lists several renditions of one photo; the largest keeps the detail models need
            PhotoSize largest = sizes.stream()
                    .max(Comparator.comparingLong(MessageMapper::pixels).thenComparingLong(MessageMapper::bytes))
                    .orElseThrow();
            images.add(new TelegramAttachment(largest.getFileId(), largest.getFileUniqueId(),
                    "photo_" + message.getMessageId() + ".jpg", "image/jpeg", bytes(largest), downloader));
        }
        Animation animation = message.getAnimation();
        if (animation != null) {
            images.add(animation(animation, message.getMessageId()));
        }
        Sticker sticker = message.getSticker();
        if (sticker != null) {
            images.add(sticker(sticker, message.getMessageId()));
        }
        Document document = message.getDocument();
        // an animation comes with a copy of itself as a document, for old clients: the animation above stands for it
        if (animation == null && document != null && isImage(document)) {
            String name = document.getFileName() != null ? document.getFileName() : "document_" + message.getMessageId();
            images.add(new TelegramAttachment(document.getFileId(), document.getFileUniqueId(), name,
                    document.getMimeType(), document.getFileSize() == null ? -1 : document.getFileSize(), downloader));
        }
        images.addAll(links.of(message));
        return images;
    }

    /**
     * A static sticker is a WebP image. Animated (.tgs, Lottie) and video (.webm) stickers are no image the decoder
     * reads: their still thumbnail stands in, and without one the command says they are not supported.
     */
    private Attachment sticker(Sticker sticker, Integer messageId) {
        boolean animated = Boolean.TRUE.equals(sticker.getIsAnimated());
        boolean video = Boolean.TRUE.equals(sticker.getIsVideo());
        if (!animated && !video) {
            return new TelegramAttachment(sticker.getFileId(), sticker.getFileUniqueId(), "sticker_" + messageId + ".webp",
                    "image/webp", sticker.getFileSize() == null ? -1 : sticker.getFileSize(), downloader);
        }
        PhotoSize thumbnail = sticker.getThumbnail();
        String kind = animated ? "tgs" : "webm";
        if (thumbnail != null) {
            return new TelegramAttachment(thumbnail.getFileId(), thumbnail.getFileUniqueId(),
                    "sticker_" + messageId + "_preview.webp", null, bytes(thumbnail), downloader);
        }
        return new UnavailableImage("sticker_" + messageId + "." + kind, ImageUnavailableException.Reason.ANIMATED_STICKER,
                "Telegram sent no thumbnail for the " + kind + " sticker " + sticker.getFileUniqueId());
    }

    /**
     * Telegram turns GIFs into MP4 animations: a real GIF (image/gif) is read as it is (its first frame), an MP4
     * through the still thumbnail Telegram makes, and without one the command says so.
     */
    private Attachment animation(Animation animation, Integer messageId) {
        String mime = animation.getMimeType() == null ? "" : animation.getMimeType().toLowerCase(Locale.ROOT);
        if (mime.equals("image/gif")) {
            String name = animation.getFileName() != null ? animation.getFileName() : "animation_" + messageId + ".gif";
            return new TelegramAttachment(animation.getFileId(), animation.getFileUniqueId(), name, mime,
                    animation.getFileSize() == null ? -1 : animation.getFileSize(), downloader);
        }
        PhotoSize thumbnail = animation.getThumbnail();
        if (thumbnail != null) {
            return new TelegramAttachment(thumbnail.getFileId(), thumbnail.getFileUniqueId(),
                    "animation_" + messageId + "_preview.jpg", "image/jpeg", bytes(thumbnail), downloader);
        }
        return new UnavailableImage("animation_" + messageId + ".mp4", ImageUnavailableException.Reason.ANIMATION_WITHOUT_THUMBNAIL,
                "Telegram sent no thumbnail for the " + (mime.isEmpty() ? "?" : mime) + " animation " + animation.getFileUniqueId());
    }

    static boolean isImage(Document document) {
        String mime = document.getMimeType();
        if (mime != null && mime.toLowerCase(Locale.ROOT).startsWith("image/")) {
            return true;
        }
        String name = document.getFileName() == null ? "" : document.getFileName().toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    static String textOf(Message message) {
        if (message.getText() != null) {
            return message.getText();
        }
        return message.getCaption() == null ? "" : message.getCaption();
    }

    static String displayName(User user) {
        String name = user.getFirstName() == null ? "" : user.getFirstName();
        if (user.getLastName() != null && !user.getLastName().isBlank()) {
            name = name + " " + user.getLastName();
        }
        if (name.isBlank() && user.getUserName() != null) {
            name = "@" + user.getUserName();
        }
        return name.strip();
    }

    private static long pixels(PhotoSize size) {
        return (long) (size.getWidth() == null ? 0 : size.getWidth()) * (size.getHeight() == null ? 0 : size.getHeight());
    }

    private static long bytes(PhotoSize size) {
        return size.getFileSize() == null ? -1 : size.getFileSize();
    }
}
