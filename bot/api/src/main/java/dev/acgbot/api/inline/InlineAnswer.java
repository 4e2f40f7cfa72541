package dev.acgbot.api.inline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inline query is answered with: one page of images.
 *
 * @param results    this page, in order; already screened by the plugin for the chat type
 * @param nextOffset what the platform sends back to ask for the next page; empty when this is the last
 * @param notice     a short line shown above the results (a button that opens the chat with the bot), in the
 *                   user's language: why there is nothing, or how to get more; empty for none
 * @param cacheFor   how long the platform may reuse this answer for the same text from the same user;
 *                   {@link Duration#ZERO} when it depends on more than the text (the chat type, a rate limit)
 */
public record InlineAnswer(List<InlineResult> results, String nextOffset, Optional<String> notice, Duration cacheFor) {
    public InlineAnswer {
        results = List.copyOf(results);
        nextOffset = nextOffset == null ? "" : nextOffset;
        notice = notice == null ? Optional.empty() : notice;
        Objects.requireNonNull(cacheFor, "cacheFor");
    }

    /** No results, perhaps with a notice; not to be cached (the reason usually passes). */
    public static InlineAnswer empty(Optional<String> notice) {
        return new InlineAnswer(List.of(), "", notice, Duration.ZERO);
    }
}
