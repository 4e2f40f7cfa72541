package dev.acgbot.api.adapter;

import dev.acgbot.api.command.ChatTraits;
import dev.acgbot.api.command.ChatTraits;
import dev.acgbot.api.command.ChatUser;

import java.util.Objects;

/**
 * Where an inbound message came from.
 *
 * @param platform      adapter id
 * @param chatId        chat, group or channel id
 * @param user          the sender
 * @param privateChat   a one-to-one chat with the bot
 * @param platformAdmin the platform itself says the sender may administer the bot (a Discord permission,
 *                      say); the core also checks its own admin list
 * @param ageRestricted the platform marks this chat as for adults (a Discord channel's NSFW flag); plugins
 *                      decide what that allows
 */
public record MessageOrigin(String platform, String chatId, ChatUser user, boolean privateChat, boolean platformAdmin,
                            boolean ageRestricted) {
    public MessageOrigin {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(user, "user");
    }

    /** A chat the platform does not mark as age-restricted. */
    public MessageOrigin(String platform, String chatId, ChatUser user, boolean privateChat, boolean platformAdmin) {
        this(platform, chatId, user, privateChat, platformAdmin, false);
    }

    /** What a command learns of the chat. */
    public ChatTraits traits() {
        return new ChatTraits(privateChat, ageRestricted);
    }
}
