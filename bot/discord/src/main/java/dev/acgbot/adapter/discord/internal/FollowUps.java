package dev.acgbot.adapter.discord.internal;

import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The messages of one deferred interaction. After deferReply the first message sent replaces Discord's
 * "thinking…" placeholder; later ones are follow-ups. Interaction tokens last 15 minutes.
 */
interface FollowUps {

    /** Sends a message and returns its id. */
    String send(MessageCreateData message);

    /** Replaces the text of a message sent earlier. */
    void edit(String messageId, String content);

    /** Replaces the placeholder when nothing was sent at all. */
    void finishWithoutReply(String content);
}
