package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.TokenRedactor;
import dev.acgbot.api.reply.ProgressMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** A message edited in place with editMessageText; sends a new one when the first could not be sent. */
final class TelegramProgressMessage implements ProgressMessage {
    private static final Logger log = LoggerFactory.getLogger(TelegramProgressMessage.class);

    private final BotApi api;
    private final TokenRedactor redactor;
    private final String chatId;
    private final Integer messageId;
    private final TelegramResponder fallback;
    private String lastText;

    TelegramProgressMessage(BotApi api, TokenRedactor redactor, String chatId, Integer messageId, String sentHtml,
                            TelegramResponder fallback) {
        this.api = api;
        this.lastText = sentHtml;
        this.redactor = redactor;
        this.chatId = chatId;
        this.messageId = messageId;
        this.fallback = fallback;
    }

    @Override
    public synchronized void update(String text) {
        String html = TelegramHtml.escape(TelegramHtml.plainWithin(text, TelegramHtml.MESSAGE_LIMIT));
        if (html.isBlank() || html.equals(lastText)) {
            return; // Telegram refuses an edit that changes nothing
        }
        try {
            if (messageId == null) {
                fallback.sendHtml(html);
            } else {
                api.call("editMessageText", c -> c.execute(EditMessageText.builder()
                        .chatId(chatId).messageId(messageId).text(html).parseMode("HTML").build()));
            }
            lastText = html;
        } catch (TelegramApiException | RuntimeException e) {
            if (e instanceof TelegramApiException api && BotApi.description(api).contains("message is not modified")) {
                lastText = html;
                return;
            }
            log.warn("Telegram: could not update a progress message in chat {}: {}", chatId, redactor.describe(e));
        }
    }
}
