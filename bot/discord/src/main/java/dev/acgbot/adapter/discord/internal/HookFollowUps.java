package dev.acgbot.adapter.discord.internal;

import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** {@link FollowUps} over JDA's interaction hook; blocks the (core worker) thread until Discord answers. */
final class HookFollowUps implements FollowUps {
    private final InteractionHook hook;

    public HookFollowUps(InteractionHook hook) {
        this.hook = hook;
    }

    @Override
    public String send(MessageCreateData message) {
        return hook.sendMessage(message).complete().getId();
    }

    @Override
    public void edit(String messageId, String content) {
        hook.editMessageById(messageId, content).complete();
    }

    @Override
    public void finishWithoutReply(String content) {
        hook.editOriginal(content).complete();
    }
}
