package dev.acgbot.adapter.telegram.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds Bot API update JSON the way Telegram sends it. */
public final class Updates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Updates() {
    }

    /** A chat: positive ids are private chats, negative ones supergroups. */
    public record Chat(long id) {
        boolean isPrivate() {
            return id > 0;
        }
    }

    /** A sender. */
    public record User(long id, String firstName, String languageCode) {
        public User(long id, String firstName) {
            this(id, firstName, null);
        }
    }

    public static ObjectNode text(int updateId, int messageId, Chat chat, User from, String text) {
        ObjectNode message = message(messageId, chat, from);
        message.put("text", text);
        return update(updateId, message);
    }

    /** A photo with a caption, offered in three sizes as Telegram does. */
    public static ObjectNode photo(int updateId, int messageId, Chat chat, User from, String caption, String fileIdPrefix) {
        ObjectNode message = photoMessage(messageId, chat, from, caption, fileIdPrefix);
        return update(updateId, message);
    }

    /** One photo of an album: parts share the media group id, only one usually has the caption. */
    public static ObjectNode albumPart(int updateId, int messageId, Chat chat, User from, String caption, String fileIdPrefix,
                                       String mediaGroupId) {
        ObjectNode message = photoMessage(messageId, chat, from, caption, fileIdPrefix);
        message.put("media_group_id", mediaGroupId);
        return update(updateId, message);
    }

    /** A text message replying to an earlier photo message. */
    public static ObjectNode replyToPhoto(int updateId, int messageId, Chat chat, User from, String text,
                                          int repliedMessageId, User repliedFrom, String fileIdPrefix) {
        ObjectNode message = message(messageId, chat, from);
        message.put("text", text);
        message.set("reply_to_message", photoMessage(repliedMessageId, chat, repliedFrom, "", fileIdPrefix));
        return update(updateId, message);
    }

    /** A file sent as a document. */
    public static ObjectNode document(int updateId, int messageId, Chat chat, User from, String caption, String fileId,
                                      String fileName, String mimeType, long size) {
        ObjectNode message = message(messageId, chat, from);
        if (!caption.isEmpty()) {
            message.put("caption", caption);
        }
        message.putObject("document").put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("file_name", fileName).put("mime_type", mimeType).put("file_size", size);
        return update(updateId, message);
    }

    /** A text message replying to any earlier message ({@link #stickerMessage}, {@link #animationMessage}, a text). */
    public static ObjectNode replyTo(int updateId, int messageId, Chat chat, User from, String text, ObjectNode replied) {
        ObjectNode message = message(messageId, chat, from);
        message.put("text", text);
        message.set("reply_to_message", replied);
        return update(updateId, message);
    }

    /** Any message as an update of its own. */
    public static ObjectNode asUpdate(int updateId, ObjectNode message) {
        return update(updateId, message);
    }

    /** A text message, not yet an update (to be replied to). */
    public static ObjectNode textMessage(int messageId, Chat chat, User from, String text) {
        ObjectNode message = message(messageId, chat, from);
        message.put("text", text);
        return message;
    }

    /** A sticker: static (WebP), animated (.tgs) or video (.webm), with a still thumbnail when thumbFileId is not null. */
    public static ObjectNode stickerMessage(int messageId, Chat chat, User from, String fileId, boolean animated, boolean video,
                                            String thumbFileId) {
        ObjectNode message = message(messageId, chat, from);
        ObjectNode sticker = message.putObject("sticker").put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("type", "regular").put("width", 512).put("height", 512).put("is_animated", animated)
                .put("is_video", video).put("file_size", 20_000).put("emoji", "😺");
        if (thumbFileId != null) {
            sticker.putObject("thumbnail").put("file_id", thumbFileId).put("file_unique_id", "u-" + thumbFileId)
                    .put("width", 128).put("height", 128).put("file_size", 3_000);
        }
        return message;
    }

    /**
     * An animation as Telegram sends one: the animation and, for old clients, the same file as a document; a still
     * thumbnail when thumbFileId is not null.
     */
    public static ObjectNode animationMessage(int messageId, Chat chat, User from, String caption, String fileId, String fileName,
                                              String mimeType, String thumbFileId) {
        ObjectNode message = message(messageId, chat, from);
        if (!caption.isEmpty()) {
            message.put("caption", caption);
        }
        ObjectNode animation = message.putObject("animation").put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("width", 320).put("height", 240).put("duration", 3).put("file_name", fileName)
                .put("mime_type", mimeType).put("file_size", 50_000);
        if (thumbFileId != null) {
            animation.putObject("thumbnail").put("file_id", thumbFileId).put("file_unique_id", "u-" + thumbFileId)
                    .put("width", 320).put("height", 240).put("file_size", 4_000);
        }
        message.putObject("document").put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("file_name", fileName).put("mime_type", mimeType).put("file_size", 50_000);
        return message;
    }

    /**
     * An inline query ({@code @bot text} typed in a chat).
     *
     * @param chatType sender, private, group, supergroup, channel; null when Telegram does not say (secret chats)
     */
    public static ObjectNode inlineQuery(int updateId, String queryId, User from, String text, String offset, String chatType) {
        ObjectNode query = JSON.createObjectNode().put("id", queryId).put("query", text).put("offset", offset);
        ObjectNode sender = query.putObject("from").put("id", from.id()).put("is_bot", false).put("first_name", from.firstName());
        if (from.languageCode() != null) {
            sender.put("language_code", from.languageCode());
        }
        if (chatType != null) {
            query.put("chat_type", chatType);
        }
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateId);
        update.set("inline_query", query);
        return update;
    }

    private static ObjectNode photoMessage(int messageId, Chat chat, User from, String caption, String fileIdPrefix) {
        ObjectNode message = message(messageId, chat, from);
        if (!caption.isEmpty()) {
            message.put("caption", caption);
        }
        ArrayNode sizes = message.putArray("photo");
        int[][] dims = {{90, 60, 1_500}, {1280, 853, 120_000}, {320, 213, 12_000}};
        String[] names = {"s", "x", "m"};
        for (int i = 0; i < dims.length; i++) {
            sizes.addObject().put("file_id", fileIdPrefix + "-" + names[i]).put("file_unique_id", fileIdPrefix + "-u" + names[i])
                    .put("width", dims[i][0]).put("height", dims[i][1]).put("file_size", dims[i][2]);
        }
        return message;
    }

    private static ObjectNode message(int messageId, Chat chat, User from) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", messageId);
        message.put("date", 1_700_000_000);
        ObjectNode c = message.putObject("chat").put("id", chat.id()).put("type", chat.isPrivate() ? "private" : "supergroup");
        if (!chat.isPrivate()) {
            c.put("title", "ACG group");
        }
        ObjectNode sender = message.putObject("from").put("id", from.id()).put("is_bot", false).put("first_name", from.firstName());
        if (from.languageCode() != null) {
            sender.put("language_code", from.languageCode());
        }
        return message;
    }

    private static ObjectNode update(int updateId, ObjectNode message) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateId);
        update.set("message", message);
        return update;
    }
}
