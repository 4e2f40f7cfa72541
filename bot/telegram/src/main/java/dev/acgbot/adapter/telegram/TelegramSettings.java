package dev.acgbot.adapter.telegram;

import dev.acgbot.api.config.DataSize;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code adapters.telegram} configuration.
 *
 * @param token            the bot token from BotFather (the core overlays {@code TELEGRAM_BOT_TOKEN})
 * @param baseUrl          Bot API base, {@code scheme://host[:port]} without a path (a local Bot API server or
 *                         a test server)
 * @param pollTimeout      how long one getUpdates call waits for news
 * @param downloadLimit    the largest file the bot fetches; the public Bot API serves at most 20 MB
 * @param maxRetryWait     the longest {@code retry_after} the adapter waits out before giving up on a send
 * @param registerCommands whether to publish the command menu with setMyCommands at start
 * @param storageChatId    a private chat or channel the bot uploads gallery images to, once each, to obtain the
 *                         file ids inline results need; empty: inline mode shows only images already sent somewhere
 */
public record TelegramSettings(String token, URI baseUrl, Duration pollTimeout, long downloadLimit,
                               Duration maxRetryWait, boolean registerCommands, String storageChatId) {

    public static final String DEFAULT_BASE_URL = "https://api.telegram.org";
    /** getFile refuses larger files on the public Bot API. */
    public static final long BOT_API_DOWNLOAD_LIMIT = 20L * 1024 * 1024;

    /**
     * The section as written in the file, bound by the core; {@link #from} checks it and builds the settings.
     *
     * @param enabled false keeps the adapter off even with a token
     */
    public record Section(String token, boolean enabled, String baseUrl, Duration pollTimeout, DataSize downloadLimit,
                          Duration maxRetryWait, boolean registerCommands, String storageChatId) {
        public static final Section DEFAULTS = new Section("", true, DEFAULT_BASE_URL, Duration.ofSeconds(50),
                new DataSize(BOT_API_DOWNLOAD_LIMIT), Duration.ofSeconds(30), true, "");

        /** Whether the adapter should run: enabled, with a token. */
        public boolean configured() {
            return enabled && token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Section[enabled=" + enabled + ", baseUrl=" + baseUrl + "]";
        }
    }

    public static final SettingsSection<Section> SECTION = new SettingsSection<>("adapters.telegram", Section.class, Section.DEFAULTS);
    private static final String KEY = "adapters.telegram.";

    public TelegramSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        storageChatId = storageChatId == null ? "" : storageChatId.strip();
    }

    /** Without a storage chat. */
    public TelegramSettings(String token, URI baseUrl, Duration pollTimeout, long downloadLimit, Duration maxRetryWait,
                            boolean registerCommands) {
        this(token, baseUrl, pollTimeout, downloadLimit, maxRetryWait, registerCommands, "");
    }

    /** The same settings with uploads for inline results going to {@code chatId}. */
    public TelegramSettings withStorageChat(String chatId) {
        return new TelegramSettings(token, baseUrl, pollTimeout, downloadLimit, maxRetryWait, registerCommands, chatId);
    }

    /** Validates the bound section; errors name the full key. */
    public static TelegramSettings from(Section section) {
        String token = section.token() == null ? "" : section.token().strip();
        if (token.isEmpty()) {
            throw new ConfigException(KEY + "token", "missing: set it or the TELEGRAM_BOT_TOKEN environment variable");
        }
        if (!token.matches("[0-9]+:[A-Za-z0-9_-]+")) {
            // never echo the value: it is a secret even when malformed
            throw new ConfigException(KEY + "token", "does not look like a BotFather token (digits:letters)");
        }
        String base = section.baseUrl().strip();
        URI baseUrl;
        try {
            baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(KEY + "base_url", "not a URL: " + base);
        }
        if (baseUrl.getHost() == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                || (baseUrl.getRawPath() != null && !baseUrl.getRawPath().isEmpty())) {
            throw new ConfigException(KEY + "base_url", "must be http(s)://host[:port] without a path: " + base);
        }
        Duration pollTimeout = section.pollTimeout();
        if (pollTimeout.isNegative() || pollTimeout.toSeconds() > 300) {
            throw new ConfigException(KEY + "poll_timeout", "must be between 0s and 300s");
        }
        long downloadLimit = section.downloadLimit().bytes();
        if (downloadLimit <= 0) {
            throw new ConfigException(KEY + "download_limit", "must be positive");
        }
        Duration maxRetryWait = section.maxRetryWait();
        if (maxRetryWait.isNegative()) {
            throw new ConfigException(KEY + "max_retry_wait", "must not be negative");
        }
        String storage = section.storageChatId() == null ? "" : section.storageChatId().strip();
        if (!storage.isEmpty() && !storage.matches("-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}")) {
            throw new ConfigException(KEY + "storage_chat_id", "must be a numeric chat id (e.g. -1001234567890) or a "
                    + "channel's @username: " + storage);
        }
        return new TelegramSettings(token, baseUrl, pollTimeout, downloadLimit, maxRetryWait, section.registerCommands(),
                storage);
    }

    @Override
    public String toString() {
        return "TelegramSettings[baseUrl=" + baseUrl + ", pollTimeout=" + pollTimeout + ", downloadLimit="
                + downloadLimit + ", maxRetryWait=" + maxRetryWait + ", registerCommands=" + registerCommands + ", storageChatId=" + storageChatId + "]";
    }
}
