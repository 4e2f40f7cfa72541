package dev.acgbot.api.inline;

import dev.acgbot.api.i18n.Language;

/**
 * A plugin's answer to inline queries ({@link dev.acgbot.api.plugin.Plugin#inline()}). Runs on the core's
 * command workers, never on an adapter's thread; the core has checked the user's rate limit before.
 */
@FunctionalInterface
public interface InlineHandler {

    /**
     * One page of results for the query.
     *
     * @param language the user's language, for any text the answer shows
     * @throws dev.acgbot.api.UserFacingException to answer with no results and its message as the notice
     */
    InlineAnswer answer(InlineQuery query, Language language) throws Exception;
}
