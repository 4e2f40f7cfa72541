package dev.acgbot.api.adapter;

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
 */
public record MessageOrigin(String platform, String chatId, ChatUser user, boolean privateChat, boolean platformAdmin) {
    public MessageOrigin {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(user, "user");
    }
}
