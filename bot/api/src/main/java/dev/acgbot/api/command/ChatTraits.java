package dev.acgbot.api.command;

/**
 * What the platform says about the chat a command came from, as data for plugins (which know no platform).
 *
 * @param privateChat   a one-to-one chat with the bot (the console counts as one)
 * @param ageRestricted the platform marks the chat as for adults (a Discord channel's NSFW flag)
 */
public record ChatTraits(boolean privateChat, boolean ageRestricted) {
    /** A group chat with no age restriction: the most careful assumption. */
    public static final ChatTraits GROUP = new ChatTraits(false, false);
}
