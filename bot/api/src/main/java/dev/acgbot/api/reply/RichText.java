package dev.acgbot.api.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Text with a little structure: plain, bold and code spans. Plugins never write platform markup;
 * each adapter renders and escapes spans for its platform (HTML for Telegram, Markdown for Discord).
 */
public record RichText(List<Span> spans) {

    public enum Style { PLAIN, BOLD, CODE, CODE_BLOCK }

    public record Span(String text, Style style) {
        public Span {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
        }
    }

    public RichText {
        spans = List.copyOf(spans);
    }

    public static RichText plain(String text) {
        return new RichText(List.of(new Span(text, Style.PLAIN)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text without any styling, as the console and logs show it. */
    public String toPlainString() {
        StringBuilder sb = new StringBuilder();
        for (Span span : spans) {
            sb.append(span.text());
        }
        return sb.toString();
    }

    public boolean isEmpty() {
        return spans.stream().allMatch(s -> s.text().isEmpty());
    }

    /** Appends spans fluently. */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder plain(String text) {
            spans.add(new Span(text, Style.PLAIN));
            return this;
        }

        public Builder bold(String text) {
            spans.add(new Span(text, Style.BOLD));
            return this;
        }

        public Builder code(String text) {
            spans.add(new Span(text, Style.CODE));
            return this;
        }

        /** A block meant to be copied as a whole (a prompt line, say). */
        public Builder codeBlock(String text) {
            spans.add(new Span(text, Style.CODE_BLOCK));
            return this;
        }

        public Builder line(String text) {
            return plain(text + "\n");
        }

        public Builder newline() {
            return plain("\n");
        }

        public RichText build() {
            return new RichText(spans);
        }
    }

    @Override
    public String toString() {
        return toPlainString();
    }
}
