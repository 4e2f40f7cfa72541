package dev.acgbot.api.command;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links in a message that may point at an image. One definition for both sides of the contract: an adapter turns
 * each link it finds in a message (or the replied-to message) into an {@link Attachment} that fetches it safely, and
 * the router leaves a word that {@link #isLink is a link} out of a command's text options, since that word is the
 * image. Every {@code scheme://} word counts, so that {@code file:///etc/passwd} reaches the fetcher and is refused
 * there with its own message rather than being read as a search text.
 */
public final class ImageLinks {
    /** More links than this in one message are ignored: a command handles a few images, not a pasted list. */
    public static final int MAX_PER_MESSAGE = 10;

    private static final Pattern LINK = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]{1,15}://[^\\s<>\"]+");
    private static final String TRAILING = ".,;:!?)]}'\u3002\uff0c\uff01\uff1f\uff09";

    private ImageLinks() {
    }

    /** Whether a whole word of a command line is a link. */
    public static boolean isLink(String word) {
        return word != null && LINK.matcher(word.strip()).matches();
    }

    /** The links in a text, in order, without the punctuation that closes a sentence, at most {@link #MAX_PER_MESSAGE}. */
    public static List<URI> find(String text) {
        List<URI> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        Matcher m = LINK.matcher(text);
        while (m.find() && links.size() < MAX_PER_MESSAGE) {
            parse(trimTrailing(m.group())).filter(u -> !links.contains(u)).ifPresent(links::add);
        }
        return links;
    }

    /** A link as a URI, or empty when it is not one (spaces, broken escapes). */
    public static Optional<URI> parse(String link) {
        try {
            URI uri = new URI(link.strip());
            return uri.getScheme() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String trimTrailing(String link) {
        int end = link.length();
        while (end > 0 && TRAILING.indexOf(link.charAt(end - 1)) >= 0) {
            // a closing parenthesis that closes one inside the link (Wikipedia style) stays
            if (link.charAt(end - 1) == ')' && count(link, '(', end) > count(link, ')', end - 1)) {
                break;
            }
            end--;
        }
        return link.substring(0, end);
    }

    private static int count(String s, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
