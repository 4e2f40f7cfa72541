package dev.acgbot.api.inline;

import dev.acgbot.api.command.ChatTraits;

/**
 * The kind of chat an inline query is typed in, as the platform reports it (Telegram's {@code chat_type}). The
 * bot itself may not be in that chat and never sees it: this is all it learns of where its results will show.
 */
public enum InlineChatType {
    /** the user's own chat with the bot */
    SENDER,
    /** a one-to-one chat with another user */
    PRIVATE,
    /** a group or supergroup */
    GROUP,
    /** a channel */
    CHANNEL,
    /** not reported (Telegram omits it for secret chats): treated like a group */
    UNKNOWN;

    /** What a plugin's policy learns of the chat: private for the two one-to-one kinds, else a group. */
    public ChatTraits traits() {
        return this == SENDER || this == PRIVATE ? new ChatTraits(true, false) : ChatTraits.GROUP;
    }
}
