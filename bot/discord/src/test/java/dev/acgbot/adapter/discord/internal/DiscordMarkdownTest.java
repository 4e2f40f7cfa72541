package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.reply.RichText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** User and gallery text shown literally on Discord: nothing in it becomes a quote, a list, a mention or a timestamp. */
class DiscordMarkdownTest {
    @Test
    void aLeadingQuoteOrNumberedOrBulletedListMarkerIsEscapedOnEveryLine() {
        assertEquals("\\> quoted\n1\\. first\n  \\- bullet\n\\>\\>\\> block", DiscordMarkdown.render(RichText.plain("> quoted\n1. first\n  - bullet\n>>> block")));
    }

    @Test
    void mentionsChannelsAndTimestampsAreShownAsTyped() {
        assertEquals("hi \\<@123> in \\<\\#456> at \\<t:1700000000:R> \\<@&789>",
                DiscordMarkdown.render(RichText.plain("hi <@123> in <#456> at <t:1700000000:R> <@&789>")));
    }

    @Test
    void ordinaryTextKeepsItsLook() {
        assertEquals("sakura 1.5x, score 0.93 > 0.5 - ok <3", DiscordMarkdown.render(RichText.plain("sakura 1.5x, score 0.93 > 0.5 - ok <3")));
        assertEquals("\\*\\*not bold\\*\\* \\#tag", DiscordMarkdown.render(RichText.plain("**not bold** #tag")));
    }
}
