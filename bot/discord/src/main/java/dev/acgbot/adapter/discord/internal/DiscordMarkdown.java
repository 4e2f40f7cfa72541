package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.reply.RichText;
import dev.acgbot.api.reply.RichText.Span;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@link RichText} as Discord Markdown: plain and bold text escaped (so {@code ^_^} does not turn
 * into italics), code kept verbatim, and long text split into messages of at most 2000 characters.
 */
final class DiscordMarkdown {
    /** Discord's message content limit. */
    public static final int MESSAGE_LIMIT = 2000;
    /** More parts than this and a reply is cut short instead of flooding the channel. */
    static final int MAX_PARTS = 5;
    static final String TRUNCATED_NOTE = "\n… (shortened: too long for Discord)";

    private DiscordMarkdown() {
    }

    public static String render(RichText text) {
        StringBuilder sb = new StringBuilder();
        for (Span span : text.spans()) {
            sb.append(render(span));
        }
        return sb.toString();
    }

    static String render(Span span) {
        String t = span.text();
        if (t.isEmpty()) {
            return "";
        }
        return switch (span.style()) {
            case PLAIN -> escape(t);
            case BOLD -> t.isBlank() ? t : "**" + escape(t) + "**";
            case CODE -> inlineCode(t);
            case CODE_BLOCK -> "```\n" + t.replace("```", "`\u200b``") + "\n```";
        };
    }

    /** The start of a mention ({@code <@id>}, {@code <@&role>}, {@code <#channel>}), a timestamp, an emoji or a command link. */
    private static final Pattern ANGLE_MARKUP = Pattern.compile("<(?=[@#/:]|t:|a:)");
    /** A quote ({@code >}, {@code >>>}), a numbered ({@code 1.}) or bulleted ({@code -}, {@code +}) list at a line start. */
    private static final Pattern LINE_START_MARKUP = Pattern.compile("(?m)^([ \\t]*)(>|\\d+(?=\\.\\s)|[-+](?=\\s))");

    /**
     * Escapes every Markdown token one by one (not only matched pairs: two spans with one underscore each
     * would otherwise pair up into italics), the heading and link characters, {@code <} (so {@code <@id>},
     * {@code <#id>} and {@code <t:…>} show as typed instead of as a mention, a channel or a timestamp), and a
     * quote or list marker at the start of a line.
     */
    static String escape(String text) {
        String escaped = ANGLE_MARKUP.matcher(MarkdownSanitizer.escape(text, true)).replaceAll("\\\\<").replace("#", "\\#")
                .replace("[", "\\[").replace("]", "\\]");
        return LINE_START_MARKUP.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + (m.group(2).matches("\\d+") ? m.group(2) + "\\" : "\\" + m.group(2))));
    }

    private static String inlineCode(String text) {
        if (!text.contains("`")) {
            return "`" + text + "`";
        }
        // double backticks allow single ones inside; padding keeps a leading or trailing backtick apart
        return "`` " + text.replace("``", "`\u200b`") + " ``";
    }

    /**
     * Messages of at most {@link #MESSAGE_LIMIT} rendered characters, cut between spans where possible and at
     * line breaks inside long spans; blank text gives none.
     */
    public static List<String> messageParts(RichText text) {
        if (text.toPlainString().isBlank()) {
            return List.of();
        }
        List<String> pieces = new ArrayList<>();
        for (Span span : text.spans()) {
            String rendered = render(span);
            if (rendered.length() <= MESSAGE_LIMIT) {
                pieces.add(rendered);
                continue;
            }
            // a long span: split its text so that each rendered piece fits (escaping at most doubles it)
            for (String part : splitText(span.text(), (MESSAGE_LIMIT - 16) / 2)) {
                pieces.add(render(new Span(part, span.style())));
            }
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() + piece.length() > MESSAGE_LIMIT) {
                parts.add(current.toString());
                current.setLength(0);
            }
            current.append(piece);
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        parts.removeIf(String::isBlank);
        if (parts.size() > MAX_PARTS) {
            List<String> kept = new ArrayList<>(parts.subList(0, MAX_PARTS));
            String last = kept.get(MAX_PARTS - 1);
            int room = MESSAGE_LIMIT - TRUNCATED_NOTE.length();
            kept.set(MAX_PARTS - 1, (last.length() > room ? last.substring(0, room) : last) + TRUNCATED_NOTE);
            return kept;
        }
        return parts;
    }

    /** Plain text cut to the limit with an ellipsis. */
    public static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = limit - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    static List<String> splitText(String text, int size) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > size) {
            int cut = rest.lastIndexOf('\n', size - 1) + 1;
            if (cut < size / 2) {
                cut = size;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }
}
