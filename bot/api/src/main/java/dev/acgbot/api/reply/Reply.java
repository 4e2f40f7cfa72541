package dev.acgbot.api.reply;

import java.util.List;
import java.util.Objects;

/** What a command sends back, independent of any platform. */
public sealed interface Reply permits Reply.Text, Reply.Image, Reply.Album, Reply.Error {

    /** A text message. */
    record Text(RichText text) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** One image with an optional caption. */
    record Image(ImageRef image, RichText caption) implements Reply {
        public Image {
            Objects.requireNonNull(image, "image");
            caption = caption == null ? RichText.plain("") : caption;
        }
    }

    /** Several images sent together, each with its caption, after an optional header text. */
    record Album(RichText header, List<Image> items) implements Reply {
        public Album {
            header = header == null ? RichText.plain("") : header;
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("an album needs at least one image");
            }
        }
    }

    /**
     * A friendly error for the user. Never carries a stack trace or internal detail.
     *
     * @param message       what went wrong, in the user's terms
     * @param correlationId the id that the operator's log line carries, or empty
     */
    record Error(String message, String correlationId) implements Reply {
        public Error {
            Objects.requireNonNull(message, "message");
            correlationId = correlationId == null ? "" : correlationId;
        }
    }

    static Reply text(String text) {
        return new Text(RichText.plain(text));
    }

    static Reply text(RichText text) {
        return new Text(text);
    }

    static Reply image(ImageRef image, String caption) {
        return new Image(image, RichText.plain(caption == null ? "" : caption));
    }

    static Reply error(String message) {
        return new Error(message, "");
    }
}
