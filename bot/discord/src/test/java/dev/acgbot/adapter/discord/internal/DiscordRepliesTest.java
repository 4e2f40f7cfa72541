package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscordRepliesTest {

    private static List<Reply.Image> images(int n) {
        List<Reply.Image> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Reply.Image(ImageRef.of(new byte[]{(byte) i}, "hit " + i + ".png"),
                    RichText.builder().plain("score ").bold(String.valueOf(i)).build()));
        }
        return items;
    }

    @Test
    void tagNamesAreEscapedSoTheyStayLiteral() {
        List<MessageCreateData> out = DiscordReplies.render(Reply.text(RichText.builder()
                .plain("^_^ and ^_^ ").bold("*wink*").plain(" # :d <3 & ").code("a_b").build()));
        assertEquals(1, out.size());
        assertEquals("^\\_^ and ^\\_^ **\\*wink\\*** \\# :d <3 & `a_b`", out.get(0).getContent());
        assertTrue(out.get(0).getAllowedMentions().isEmpty(), "nobody is pinged");
    }

    @Test
    void codeWithBackticksStillRendersAsCode() {
        assertEquals("`` a`b ``", DiscordReplies.render(Reply.text(RichText.builder().code("a`b").build())).get(0).getContent());
    }

    @Test
    void longTextIsSplitIntoMessagesOfAtMost2000Characters() {
        List<MessageCreateData> out = DiscordReplies.render(Reply.text("line\n".repeat(1000)));
        assertEquals(3, out.size());
        assertTrue(out.stream().allMatch(m -> m.getContent().length() <= Message.MAX_CONTENT_LENGTH));
        // JDA trims each message; the cuts fall on line breaks
        assertEquals("line\n".repeat(1000).strip(), String.join("\n", out.stream().map(MessageCreateData::getContent).toList()));
    }

    @Test
    void anAlbumBecomesEmbedsShowingUploadedFilesTenPerMessageWithTheHeaderFirst() {
        List<MessageCreateData> out = DiscordReplies.render(new Reply.Album(RichText.plain("12 results"), images(12)));
        assertEquals(2, out.size());
        MessageCreateData first = out.get(0);
        assertEquals("12 results", first.getContent());
        assertEquals(10, first.getEmbeds().size());
        assertEquals(10, first.getFiles().size());
        for (int i = 0; i < 10; i++) {
            MessageEmbed embed = first.getEmbeds().get(i);
            FileUpload file = first.getFiles().get(i);
            assertEquals(i + "_hit_" + i + ".png", file.getName());
            assertEquals("attachment://" + file.getName(), embed.getImage().getUrl());
            assertEquals("score **" + i + "**", embed.getDescription());
        }
        MessageCreateData second = out.get(1);
        assertEquals("", second.getContent());
        assertEquals(2, second.getEmbeds().size());
        assertEquals("attachment://1_hit_11.png", second.getEmbeds().get(1).getImage().getUrl());
    }

    @Test
    void captionsOfOneMessageStayWithinDiscordsTotalEmbedLimit() {
        List<Reply.Image> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new Reply.Image(ImageRef.of(new byte[]{1}, "a.png"), RichText.plain("x".repeat(3000))));
        }
        MessageCreateData message = DiscordReplies.render(new Reply.Album(RichText.plain(""), items)).get(0);
        int total = message.getEmbeds().stream().mapToInt(e -> e.getDescription().length()).sum();
        assertTrue(total <= MessageEmbed.EMBED_MAX_LENGTH_BOT, "total " + total);
    }

    @Test
    void filesAreGroupedSoThatNoMessageExceedsTheUploadLimitAndOversizedOnesAreNamed() {
        int mb = 1 << 20;
        List<Reply.Image> items = List.of(
                new Reply.Image(ImageRef.of(new byte[4 * mb], "a.png"), RichText.plain("")),
                new Reply.Image(ImageRef.of(new byte[4 * mb], "b.png"), RichText.plain("")),
                new Reply.Image(ImageRef.of(new byte[11 * mb], "huge.png"), RichText.plain("")),
                new Reply.Image(ImageRef.of(new byte[4 * mb], "c.png"), RichText.plain("")));
        List<MessageCreateData> out = DiscordReplies.render(new Reply.Album(RichText.plain("Results"), items));
        assertEquals(3, out.size());
        assertEquals(List.of("0_a.png", "1_b.png"), out.get(0).getFiles().stream().map(FileUpload::getName).toList());
        assertEquals("Results", out.get(0).getContent());
        assertEquals(List.of("0_c.png"), out.get(1).getFiles().stream().map(FileUpload::getName).toList());
        assertEquals("⚠ Too large to upload to Discord (over 10 MB): huge.png", out.get(2).getContent());
        assertTrue(out.get(2).getFiles().isEmpty());
    }

    @Test
    void aSingleImageIsOneEmbed() {
        List<MessageCreateData> out = DiscordReplies.render(Reply.image(ImageRef.of(new byte[]{1}, "樱花.png"), ""));
        assertEquals(1, out.size());
        assertEquals("attachment://0___.png", out.get(0).getEmbeds().get(0).getImage().getUrl());
        assertEquals(null, out.get(0).getEmbeds().get(0).getDescription());
    }

    @Test
    void errorsCarryAWarningSignAndTheReferenceOnce() {
        assertEquals("⚠ That failed\\. (ref `abc`)".replace("\\.", "."),
                DiscordReplies.render(new Reply.Error("That failed.", "abc")).get(0).getContent());
        assertEquals("⚠ Look up reference abc.",
                DiscordReplies.render(new Reply.Error("Look up reference abc.", "abc")).get(0).getContent());
    }
}
