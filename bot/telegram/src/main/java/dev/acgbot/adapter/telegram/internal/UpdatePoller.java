package dev.acgbot.adapter.telegram.internal;

import dev.acgbot.adapterkit.TokenRedactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Long polling on one thread of its own: getUpdates with the configured timeout, each batch handed to the
 * consumer, the offset moved past it. Network errors back off (1 s doubling to 30 s); a 429 waits as Telegram
 * asks. Written here instead of using telegrambots' long-polling session, whose shutdown cancels the poll
 * in flight and logs that as an error, and whose schedule silently ends if a consumer ever throws.
 */
public final class UpdatePoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "inline_query");
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final TelegramClient client;
    private final Duration pollTimeout;
    private final Consumer<List<Update>> consumer;
    private final TokenRedactor redactor;
    private final Thread thread;
    private volatile boolean closed;
    private int offset;

    public UpdatePoller(TelegramClient client, Duration pollTimeout, Consumer<List<Update>> consumer, TokenRedactor redactor) {
        this.client = client;
        this.pollTimeout = pollTimeout;
        this.consumer = consumer;
        this.redactor = redactor;
        this.thread = new Thread(this::run, HttpResources.THREAD_PREFIX + "poll");
        this.thread.setDaemon(true);
    }

    /**
     * Removes any webhook (getUpdates is refused while one is set), then starts polling.
     *
     * @throws TelegramApiException when deleteWebhook fails: the token or the network is wrong
     */
    public void start() throws TelegramApiException {
        client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        thread.start();
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (!closed) {
            try {
                List<Update> updates = client.execute(GetUpdates.builder()
                        .offset(offset)
                        .limit(100)
                        .timeout((int) pollTimeout.toSeconds())
                        .allowedUpdates(ALLOWED_UPDATES)
                        .build());
                backoff = MIN_BACKOFF;
                if (updates == null || updates.isEmpty() || closed) {
                    continue;
                }
                for (Update update : updates) {
                    offset = Math.max(offset, update.getUpdateId() + 1);
                }
                consumer.accept(updates);
            } catch (TelegramApiException e) {
                if (closed) {
                    return;
                }
                Duration wait = backoff;
                if (BotApi.errorCode(e) == 429 && e instanceof TelegramApiRequestException r) {
                    wait = BotApi.retryAfter(r);
                } else if (BotApi.errorCode(e) == 409) {
                    log.error("Telegram: getUpdates conflict — another process polls with this token, or a webhook is set: {}",
                            redactor.describe(e));
                } else {
                    log.warn("Telegram: getUpdates failed, retrying in {} s: {}", wait.toSeconds(), redactor.describe(e));
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                if (!sleep(wait)) {
                    return;
                }
            } catch (RuntimeException e) {
                // a consumer failure must not end polling
                log.warn("Telegram: handling updates failed: {}", redactor.describe(e));
            }
        }
    }

    private boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops polling; the call in flight is abandoned (its HTTP call is cancelled by the HTTP resources). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    /** Waits for the polling thread to end. */
    public void awaitStopped(Duration timeout) throws InterruptedException {
        if (thread.isAlive()) {
            thread.join(timeout.toMillis());
        }
    }
}
