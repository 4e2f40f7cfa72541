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
