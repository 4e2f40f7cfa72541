package dev.acgbot.adapter.telegram.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;

/**
 * Calls the Bot API through the telegrambots client and waits out flood control: a 429 answer carries
 * {@code retry_after} seconds, after which the same call is made again (a bounded number of times, and only
 * when the wait is not longer than the configured maximum).
 */
public final class BotApi {
    private static final Logger log = LoggerFactory.getLogger(BotApi.class);
    static final int MAX_ATTEMPTS = 3;

    /** One Bot API call. Built afresh on each attempt, because uploads consume their input streams. */
    @FunctionalInterface
    public interface Call<T> {
        T execute(TelegramClient client) throws TelegramApiException;
    }

    /** Waits; replaced in tests that must not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final TelegramClient client;
    private final Duration maxRetryWait;
    private final Sleeper sleeper;

    public BotApi(TelegramClient client, Duration maxRetryWait, Sleeper sleeper) {
        this.client = client;
        this.maxRetryWait = maxRetryWait;
        this.sleeper = sleeper;
    }

    public BotApi(TelegramClient client, Duration maxRetryWait) {
        this(client, maxRetryWait, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Runs the call, retrying after a 429 as Telegram asks.
     *
     * @param what the method name, for the log
     */
    public <T> T call(String what, Call<T> call) throws TelegramApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.execute(client);
            } catch (TelegramApiRequestException e) {
                Duration wait = retryAfter(e);
                if (wait == null || attempt >= MAX_ATTEMPTS || wait.compareTo(maxRetryWait) > 0) {
                    throw e;
                }
                log.info("Telegram flood control on {}: retrying in {} s (attempt {} of {})",
                        what, wait.toSeconds(), attempt + 1, MAX_ATTEMPTS);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The wait Telegram asks for, or null when the error is not flood control. */
    static Duration retryAfter(TelegramApiRequestException e) {
        if (e.getErrorCode() == null || e.getErrorCode() != 429) {
            return null;
        }
        Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        return Duration.ofSeconds(seconds == null ? 1 : Math.max(0, seconds));
    }

    /** The Bot API's error description, or empty when the failure was not an API answer. */
    public static String description(TelegramApiException e) {
        return e instanceof TelegramApiRequestException r && r.getApiResponse() != null ? r.getApiResponse() : "";
    }

    public static int errorCode(TelegramApiException e) {
        return e instanceof TelegramApiRequestException r && r.getErrorCode() != null ? r.getErrorCode() : 0;
    }
}
