package dev.acgbot.api.inline;

import dev.acgbot.api.command.ChatUser;

import java.util.Objects;

/**
 * A search typed after the bot's name in any chat ({@code @bot 樱花}), asking for results the user can pick from.
 *
 * @param platform adapter id
 * @param user     who types it
 * @param text     the query as typed (may be empty)
 * @param offset   which page: empty for the first, else the {@link InlineAnswer#nextOffset()} of the previous one
 * @param chatType where the chosen result will be posted
 */
public record InlineQuery(String platform, ChatUser user, String text, String offset, InlineChatType chatType) {
    public InlineQuery {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        text = text == null ? "" : text;
        offset = offset == null ? "" : offset;
        chatType = chatType == null ? InlineChatType.UNKNOWN : chatType;
    }
}
