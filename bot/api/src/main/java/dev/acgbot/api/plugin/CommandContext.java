package dev.acgbot.api.plugin;

import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.Responder;

/** Everything a handler gets for one invocation. */
public interface CommandContext {

    CommandRequest request();

    Responder responder();

    /** A short id that ties this invocation's log lines together and appears in error replies. */
    String correlationId();

    /** The language to answer in. */
    default Language language() {
        return request().language();
    }

    /** Shorthand for {@code responder().send(reply)}. */
    default void reply(Reply reply) {
        responder().send(reply);
    }

    /** Shorthand for a plain-text reply. */
    default void reply(String text) {
        responder().send(Reply.text(text));
    }
}
