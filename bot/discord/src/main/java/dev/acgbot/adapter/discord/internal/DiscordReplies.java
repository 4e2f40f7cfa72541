package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.i18n.Messages;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.ImageChangedException;
import dev.acgbot.api.reply.ImageRef;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.api.text.ByteSizes;
import dev.acgbot.api.text.LogText;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns replies into Discord messages: text as Markdown within 2000 characters per message, images as embeds
 * showing an uploaded file ({@code attachment://name}), at most ten and 10 MB per message; larger images are
 * named in a note instead. Mentions are never pinged.
 */
final class DiscordReplies {
    private static final Logger log = LoggerFactory.getLogger(DiscordReplies.class);
    static final String ERROR_PREFIX = "⚠ ";
    /** Discord caps the text of all embeds of one message together. */
    static final int EMBED_TOTAL_LIMIT = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    /** What a bot may upload in one message to a server without boosts. */
    static final long UPLOAD_LIMIT = Message.MAX_FILE_SIZE;
    /** Discord shows an attachment so named blurred until clicked. */
    static final String SPOILER_PREFIX = "SPOILER_";

    private DiscordReplies() {
    }

    /** The adapter's own notes, in the language the core chose ({@link dev.acgbot.api.reply.Responder#useLanguage}). */
    static final Messages MESSAGES = Messages.load("dev/acgbot/adapter/discord/messages", DiscordReplies.class.getClassLoader());

    /** The messages for one reply, in sending order, with the adapter's notes in English. */
    public static List<MessageCreateData> render(Reply reply) {
        return render(reply, Language.EN);
    }

    /** The messages for one reply, in sending order; empty when there is nothing to show. */
    public static List<MessageCreateData> render(Reply reply, Language language) {
        return switch (reply) {
            case Reply.Text text -> texts(text.text());
            case Reply.Error error -> texts(errorText(error, language));
            case Reply.Image image -> imageMessages(RichText.plain(""), List.of(image), language);
            case Reply.Album album -> imageMessages(album.header(), album.items(), language);
        };
    }

    /** A plain-text message (progress updates). */
    public static MessageCreateData plain(String text) {
        return base().setContent(DiscordMarkdown.truncate(DiscordMarkdown.escape(text), DiscordMarkdown.MESSAGE_LIMIT)).build();
    }

    static RichText errorText(Reply.Error error, Language language) {
        RichText.Builder b = RichText.builder().plain(ERROR_PREFIX + error.message());
        if (!error.correlationId().isEmpty() && !error.message().contains(error.correlationId())) {
            b.plain(MESSAGES.format(language, "ref_open")).code(error.correlationId()).plain(MESSAGES.format(language, "ref_close"));
        }
        return b.build();
    }

    private static List<MessageCreateData> texts(RichText text) {
        List<MessageCreateData> out = new ArrayList<>();
        for (String part : DiscordMarkdown.messageParts(text)) {
            out.add(base().setContent(part).build());
        }
        return out;
    }

    private static List<MessageCreateData> imageMessages(RichText header, List<Reply.Image> images, Language language) {
        List<String> headerParts = DiscordMarkdown.messageParts(header);
        List<MessageCreateData> out = new ArrayList<>();
        // all header parts but the last go alone; the last rides on the first image message
        for (int i = 0; i < headerParts.size() - 1; i++) {
            out.add(base().setContent(headerParts.get(i)).build());
        }
        String content = headerParts.isEmpty() ? "" : headerParts.get(headerParts.size() - 1);
        List<String> tooLarge = new ArrayList<>();
        List<Reply.Image> sendable = new ArrayList<>();
        Map<Reply.Image, byte[]> contents = new IdentityHashMap<>();
        int changed = 0;
        for (Reply.Image image : images) {
            if (size(image.image()) > UPLOAD_LIMIT) {
                tooLarge.add(image.image().fileName());
                continue;
            }
            try {
                contents.put(image, image.image().content());
                sendable.add(image);
            } catch (ImageChangedException e) {
                log.warn("Discord: not sending a gallery image: {}", LogText.safe(e.getMessage()));
                changed++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (changed > 0) {
            out.add(base().setContent(ERROR_PREFIX + MESSAGES.format(language, "image_changed", changed)).build());
        }
        for (List<Reply.Image> chunk : uploadGroups(sendable)) {
            int descriptionLimit = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, EMBED_TOTAL_LIMIT / chunk.size() - 1);
            List<MessageEmbed> embeds = new ArrayList<>();
            List<FileUpload> files = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Reply.Image image = chunk.get(i);
                boolean spoiler = image.image().spoiler();
                // Discord blurs an attachment whose name starts with SPOILER_, but never an embed's image:
                // a spoilered image goes as a plain attachment and its embed keeps only the caption
                String name = (spoiler ? SPOILER_PREFIX : "") + i + "_" + uploadName(image.image());
                files.add(FileUpload.fromData(contents.get(image), name));
                EmbedBuilder embed = spoiler ? new EmbedBuilder() : new EmbedBuilder().setImage("attachment://" + name);
                String caption = DiscordMarkdown.render(image.caption());
                if (!caption.isBlank()) {
                    embed.setDescription(DiscordMarkdown.truncate(caption, descriptionLimit));
                }
                if (!embed.isEmpty()) {
                    embeds.add(embed.build());
                }
            }
            out.add(base().setContent(content).setEmbeds(embeds).setFiles(files).build());
            content = "";
        }
        if (!tooLarge.isEmpty()) {
            String note = ERROR_PREFIX + MESSAGES.format(language, "too_large", ByteSizes.human(UPLOAD_LIMIT), String.join(", ", tooLarge));
            out.add(base().setContent((content.isEmpty() ? "" : content + "\n")
                    + DiscordMarkdown.truncate(DiscordMarkdown.escape(note), DiscordMarkdown.MESSAGE_LIMIT - content.length() - 1)).build());
        } else if (!content.isEmpty() && sendable.isEmpty()) {
            out.add(base().setContent(content).build());
        }
        return out;
    }

    /**
     * Consecutive groups of at most ten files whose sizes add up to at most the upload limit (Discord refuses
     * a message whose files together exceed it).
     */
    static List<List<Reply.Image>> uploadGroups(List<Reply.Image> images) {
        List<List<Reply.Image>> groups = new ArrayList<>();
        List<Reply.Image> current = new ArrayList<>();
        long bytes = 0;
        for (Reply.Image image : images) {
            long size = size(image.image());
            if (!current.isEmpty() && (current.size() == Message.MAX_FILE_AMOUNT || bytes + size > UPLOAD_LIMIT)) {
                groups.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(image);
            bytes += size;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static long size(ImageRef ref) {
        return ref.size();
    }

    private static MessageCreateBuilder base() {
        return new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    }

    /** A name that {@code attachment://} can refer to: plain characters, extension kept. */
    static String uploadName(ImageRef ref) {
        String name = ref.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.chars().allMatch(c -> c == '_' || c == '.') ? "image.png" : name;
    }
}
