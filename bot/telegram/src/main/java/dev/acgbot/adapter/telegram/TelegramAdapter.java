package dev.acgbot.adapter.telegram;

import dev.acgbot.api.i18n.Language;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.adapter.telegram.internal.BotApi;
import dev.acgbot.adapter.telegram.internal.CommandMenu;
import dev.acgbot.adapter.telegram.internal.FileDownloader;
import dev.acgbot.adapter.telegram.internal.FileIdStore;
import dev.acgbot.adapter.telegram.internal.HttpResources;
import dev.acgbot.adapter.telegram.internal.InlineQueries;
import dev.acgbot.adapter.telegram.internal.StorageUploader;
import dev.acgbot.adapter.telegram.internal.UploadedFiles;
import dev.acgbot.adapter.telegram.internal.InboundMessage;
import dev.acgbot.adapter.telegram.internal.MediaGroupCollector;
import dev.acgbot.adapter.telegram.internal.LinkImages;
import dev.acgbot.adapter.telegram.internal.MessageMapper;
import dev.acgbot.adapterkit.links.LinkFetchRules;
import dev.acgbot.adapterkit.links.SafeLinkFetcher;
import dev.acgbot.adapterkit.TokenRedactor;
import dev.acgbot.adapter.telegram.internal.TelegramResponder;
import dev.acgbot.adapter.telegram.internal.UpdatePoller;
import dev.acgbot.api.adapter.AdapterStartException;
import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.command.CommandSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Telegram adapter: long polling through the telegrambots client, commands in private chats and groups
 * ({@code /cmd@BotName}), images from photos, image documents, albums and the replied-to message.
 */
public final class TelegramAdapter implements ChatAdapter {
    public static final String PLATFORM = "telegram";
    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);
    /** Album parts arrive within moments of each other; this long without a new one ends the album. */
    static final Duration ALBUM_QUIET_PERIOD = Duration.ofMillis(800);

    private final TelegramSettings settings;
    private final TokenRedactor redactor;
    private final LinkFetchRules linkRules;
    private final Optional<Path> dataDir;
    private HttpResources resources;
    private InlineQueries inline;
    private UploadedFiles uploads = UploadedFiles.none();
    private UpdatePoller poller;
    private MediaGroupCollector albums;
    private volatile String botUsername;
    private volatile boolean closed;

    public TelegramAdapter(TelegramSettings settings) {
        this(settings, Optional.empty(), LinkFetchRules.defaults());
    }

    /** @param linkRules how image links in messages are fetched: {@link LinkFetchRules#defaults()} but in tests */
    public TelegramAdapter(TelegramSettings settings, LinkFetchRules linkRules) {
        this(settings, Optional.empty(), linkRules);
    }

    /** @param dataDir where the file ids of uploaded gallery images are kept (inline mode); empty: in memory */
    public TelegramAdapter(TelegramSettings settings, Optional<Path> dataDir) {
        this(settings, dataDir, LinkFetchRules.defaults());
    }

    public TelegramAdapter(TelegramSettings settings, Optional<Path> dataDir, LinkFetchRules linkRules) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.redactor = TokenRedactor.of(settings.token());
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.linkRules = Objects.requireNonNull(linkRules, "linkRules");
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** The bot's user name as getMe reported it, once started. */
    public String botUsername() {
        return botUsername;
    }

    @Override
    public synchronized void start(InboundSink sink, List<CommandSpec> commands) throws Exception {
        if (resources != null) {
            throw new IllegalStateException("the Telegram adapter is already started");
        }
        resources = new HttpResources(settings.pollTimeout());
        closed = false;
        try {
            TelegramUrl url = telegramUrl(settings.baseUrl());
            OkHttpTelegramClient client = new OkHttpTelegramClient(new ObjectMapper(), resources.client(), settings.token(), url);
            BotApi api = new BotApi(client, settings.maxRetryWait());
            User me = getMe(api);
            botUsername = me.getUserName();
            log.info("Telegram: signed in as @{} via {}", botUsername, settings.baseUrl());
            if (settings.registerCommands()) {
                registerMenu(api, commands);
            }
            startInline(api);
            FileDownloader downloader = new FileDownloader(api, resources.client(), settings.baseUrl(), settings.token(),
                    redactor, settings.downloadLimit());
            MessageMapper mapper = new MessageMapper(downloader, new LinkImages(new SafeLinkFetcher(resources.client(), linkRules)));
            MediaGroupCollector collector = new MediaGroupCollector(ALBUM_QUIET_PERIOD,
                    parts -> mapper.mapAlbum(parts).ifPresent(m -> deliver(sink, api, m)));
            albums = collector;
            poller = new UpdatePoller(client, settings.pollTimeout(), consumer(sink, mapper, api, collector), redactor);
            poller.start();
        } catch (Exception e) {
            close();
            throw startFailure(e);
        }
    }

    /** The file ids of sent gallery images and the inline answers built on them (issue 13.3). */
    private void startInline(BotApi api) {
        FileIdStore store = dataDir.map(d -> FileIdStore.open(d.resolve(FileIdStore.FILE_NAME))).orElseGet(FileIdStore::inMemory);
        uploads = new UploadedFiles(store);
        Optional<StorageUploader> storage = settings.storageChatId().isEmpty() ? Optional.empty()
                : Optional.of(new StorageUploader(api, redactor, settings.storageChatId(), store));
        inline = new InlineQueries(api, redactor, store, storage);
        log.info("Telegram: inline mode knows {} gallery image id(s){}", store.size(),
                storage.isPresent() ? ", uploads new ones to the storage chat" : ", no storage chat");
    }

    private User getMe(BotApi api) throws TelegramApiException {
        User me = api.call("getMe", c -> c.execute(new GetMe()));
        if (me == null || me.getUserName() == null) {
            throw new TelegramApiException("getMe returned no bot user name");
        }
        return me;
    }

    /** The default menu (English), then one per other language, which Telegram shows by the user's app language. */
    private void registerMenu(BotApi api, List<CommandSpec> commands) {
        List<BotCommand> entries = CommandMenu.entries(commands);
        if (entries.isEmpty()) {
            return;
        }
        try {
            api.call("setMyCommands", c -> c.execute(SetMyCommands.builder().commands(entries).build()));
            for (Language language : Language.values()) {
                if (language != Language.EN) {
                    List<BotCommand> localized = CommandMenu.entries(commands, language);
                    api.call("setMyCommands", c -> c.execute(SetMyCommands.builder().commands(localized)
                            .languageCode(language.tag()).build()));
                }
            }
            log.info("Telegram: command menu set ({} commands, {} languages)", entries.size(), Language.values().length);
        } catch (TelegramApiException | RuntimeException e) {
            // the bot works without a menu: users can still type commands
            log.warn("Telegram: could not set the command menu: {}", redactor.describe(e));
        }
    }

    /** Hands each message to the core on the polling thread; the core returns at once. */
    private Consumer<List<Update>> consumer(InboundSink sink, MessageMapper mapper, BotApi api, MediaGroupCollector albums) {
        return updates -> {
            for (Update update : updates) {
                if (closed) {
                    return;
                }
                try {
                    if (update.hasInlineQuery()) {
                        inline.offer(sink, update.getInlineQuery());
                        continue;
                    }
                    if (!albums.offer(update.getMessage())) {
                        mapper.map(update.getMessage()).ifPresent(m -> deliver(sink, api, m));
                    }
                } catch (RuntimeException e) {
                    log.warn("Telegram: could not handle update {}: {}", update.getUpdateId(), redactor.describe(e));
                }
            }
        };
    }

    private void deliver(InboundSink sink, BotApi api, InboundMessage m) {
        TelegramResponder responder = new TelegramResponder(api, redactor, m.chatId(), m.messageId(), m.threadId(), uploads);
        sink.onText(m.origin(), m.text(), botUsername, m.attachments(), m.repliedTo(), responder);
    }

    private Exception startFailure(Exception e) {
        int code = e instanceof TelegramApiException t ? BotApi.errorCode(t) : 0;
        String message;
        AdapterStartException.Reason reason;
        if (code == 401 || code == 404) {
            // the Bot API answers 401, or 404 for a token that is not even well formed
            String answer = BotApi.description((TelegramApiException) e);
            message = "Telegram rejected the bot token (" + code + (answer.isEmpty() ? "" : " " + answer)
                    + "): check adapters.telegram.token or TELEGRAM_BOT_TOKEN";
            reason = AdapterStartException.Reason.TOKEN_REFUSED;
        } else {
            message = "Telegram adapter could not start against " + settings.baseUrl() + ": " + redactor.describe(e);
            // no answer at all (DNS, refused, timeout), a proxy failure, or a server error: the network may come up
            reason = code >= 500 || code == 429 || networkFailure(e)
                    ? AdapterStartException.Reason.UNREACHABLE : AdapterStartException.Reason.OTHER;
        }
        return new TelegramStartException(reason, redactor.redact(message));
    }

    private static boolean networkFailure(Throwable e) {
        for (int i = 0; e != null && i < 10; i++, e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    static TelegramUrl telegramUrl(URI base) {
        boolean https = "https".equals(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (https ? 443 : 80);
        return new TelegramUrl(base.getScheme(), base.getHost(), port, false);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (poller != null) {
            poller.close();
        }
        if (albums != null) {
            albums.close();
            albums = null;
        }
        if (inline != null) {
            inline.close();
            inline = null;
        }
        if (resources != null) {
            resources.close();
            resources = null;
        }
        if (poller != null) {
            try {
                poller.awaitStopped(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }
}
