package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.api.reply.RichText;
import dev.acgbot.api.reply.RichText.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link RichText} as Telegram HTML (parse_mode HTML) and fits it into Telegram's length limits.
 * Limits count the visible text, not the tags, as Telegram does after parsing entities.
 */
final class TelegramHtml {
    /** sendMessage / editMessageText text limit. */
    public static final int MESSAGE_LIMIT = 4096;
    /** Photo, document and media-group caption limit. */
    public static final int CAPTION_LIMIT = 1024;
    /** More parts than this and a reply is cut short instead of flooding the chat. */
    public static final int MAX_MESSAGE_PARTS = 4;
    static final String TRUNCATED_NOTE = "\n… (shortened: too long for Telegram)";
    static final String CAPTION_TRUNCATED_NOTE = "…";

    private TelegramHtml() {
    }

    /** Escapes text for HTML parse mode: only {@code & < >} are special there (and quotes in attributes). */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String render(RichText text) {
        return render(text.spans());
    }

    static String render(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span span : spans) {
            if (span.text().isEmpty()) {
                continue;
            }
            String body = escape(span.text());
            switch (span.style()) {
                case PLAIN -> sb.append(body);
                case BOLD -> sb.append("<b>").append(body).append("</b>");
                case CODE -> sb.append("<code>").append(body).append("</code>");
                case CODE_BLOCK -> sb.append("<pre>").append(body).append("</pre>");
            }
        }
        return sb.toString();
    }

    /**
     * Splits a message into parts of at most {@link #MESSAGE_LIMIT} visible characters, preferring line breaks,
     * and at most {@link #MAX_MESSAGE_PARTS} parts; the last part says when the rest was cut. Blank text gives no parts.
     */
    public static List<String> messageParts(RichText text) {
        return messageParts(text, MESSAGE_LIMIT, MAX_MESSAGE_PARTS);
    }

    static List<String> messageParts(RichText text, int limit, int maxParts) {
        if (text.toPlainString().isBlank()) {
            return List.of();
        }
        List<List<Span>> chunks = split(text.spans(), limit);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chunks.size() && i < maxParts; i++) {
            List<Span> chunk = chunks.get(i);
            if (i == maxParts - 1 && chunks.size() > maxParts) {
                chunk = new ArrayList<>(split(chunk, limit - TRUNCATED_NOTE.length()).get(0));
                chunk.add(new Span(TRUNCATED_NOTE, RichText.Style.PLAIN));
            }
            out.add(render(chunk));
        }
        return out;
    }

    /** A caption within {@link #CAPTION_LIMIT}, ending with an ellipsis when it had to be cut. */
    public static String caption(RichText text) {
        return caption(text, CAPTION_LIMIT);
    }

    static String caption(RichText text, int limit) {
        List<List<Span>> chunks = split(text.spans(), limit);
        if (chunks.isEmpty()) {
            return "";
        }
        if (chunks.size() == 1) {
            return render(chunks.get(0));
        }
        List<Span> first = new ArrayList<>(split(text.spans(), limit - CAPTION_TRUNCATED_NOTE.length()).get(0));
        first.add(new Span(CAPTION_TRUNCATED_NOTE, RichText.Style.PLAIN));
        return render(first);
    }

    /** Plain text cut to the limit, for progress edits that carry no markup. */
    public static String plainWithin(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = safeCut(text, limit - 1);
        return text.substring(0, cut) + "…";
    }

    static int visibleLength(List<Span> spans) {
        return spans.stream().mapToInt(s -> s.text().length()).sum();
    }

    /** Splits spans into chunks whose visible length is at most {@code limit}; a split span keeps its style. */
    static List<List<Span>> split(List<Span> spans, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<List<Span>> chunks = new ArrayList<>();
        List<Span> current = new ArrayList<>();
        int used = 0;
        for (Span span : spans) {
            String rest = span.text();
            while (!rest.isEmpty()) {
                int room = limit - used;
                if (rest.length() <= room) {
                    current.add(new Span(rest, span.style()));
                    used += rest.length();
                    break;
                }
                int cut = bestCut(rest, room);
                if (cut == 0 && used == 0) {
                    cut = room; // a one-unit room before a surrogate pair: cutting it is the only way on
                }
                if (cut == 0) {
                    // nothing of this span fits well here: start a new chunk with it
                    chunks.add(current);
                    current = new ArrayList<>();
                    used = 0;
                    continue;
                }
                current.add(new Span(rest.substring(0, cut), span.style()));
                chunks.add(current);
                current = new ArrayList<>();
                used = 0;
                rest = rest.substring(cut);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        chunks.removeIf(c -> visibleLength(c) == 0);
        return chunks;
    }

    /**
     * Where to cut {@code text} so that the head fits in {@code room}: after the last line break in the second
     * half of the room, else after the last space there, else at the room (never inside a surrogate pair).
     * Returns 0 when a partly filled chunk should rather be closed first.
     */
    private static int bestCut(String text, int room) {
        if (room <= 0) {
            return 0;
        }
        int newline = text.lastIndexOf('\n', room - 1);
        if (newline >= room / 2) {
            return newline + 1;
        }
        int space = text.lastIndexOf(' ', room - 1);
        if (space >= room / 2) {
            return space + 1;
        }
        return safeCut(text, room);
    }

    private static int safeCut(String text, int at) {
        if (at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at))) {
            return at - 1;
        }
        return at;
    }
}
