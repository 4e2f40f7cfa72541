package dev.acgbot.core.i18n;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which language each chat is answered in: an admin's {@code /lang} choice for the chat, else the language the
 * user's app reports, else the configured default. Choices are kept in {@code <data_dir>/chat-languages.properties}
 * ({@code <platform>:<chat id>=zh}), written whole to a temporary file and moved into place, so a crash never
 * leaves half a file.
 */
public final class ChatLanguages {
    private static final Logger LOG = LoggerFactory.getLogger(ChatLanguages.class);
    public static final String FILE_NAME = "chat-languages.properties";

    private final Language fallback;
    private final Optional<Path> file;
    private final Map<String, Language> chosen = new ConcurrentHashMap<>();

    private ChatLanguages(Language fallback, Optional<Path> file) {
        this.fallback = fallback;
        this.file = file;
    }

    /** Choices that live only as long as the process (tests, the console without a data dir). */
    public static ChatLanguages inMemory(Language fallback) {
        return new ChatLanguages(fallback, Optional.empty());
    }

    /** Choices read from and saved to {@code dataDir}; an unreadable file is logged and treated as empty. */
    public static ChatLanguages persistent(Language fallback, Path dataDir) {
        ChatLanguages languages = new ChatLanguages(fallback, Optional.of(dataDir.resolve(FILE_NAME)));
        languages.load();
        return languages;
    }

    public Language resolve(MessageOrigin origin) {
        Language forChat = chosen.get(key(origin));
        if (forChat != null) {
            return forChat;
        }
        return Language.fromTag(origin.user().languageTag()).orElse(fallback);
    }

    public Optional<Language> chosen(MessageOrigin origin) {
        return Optional.ofNullable(chosen.get(key(origin)));
    }

    /**
     * Sets (or with an empty value clears) the chat's language.
     *
     * @return whether the choice was saved (it applies either way until the process ends)
     */
    public synchronized boolean choose(String platform, String chatId, Optional<Language> language) {
        String key = platform + ":" + chatId;
        language.ifPresentOrElse(l -> chosen.put(key, l), () -> chosen.remove(key));
        return save();
    }

    private static String key(MessageOrigin origin) {
        return origin.platform() + ":" + origin.chatId();
    }

    private void load() {
        Path path = file.orElseThrow();
        if (!Files.exists(path)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}; every chat starts with its default language", path, e.toString());
            return;
        }
        for (String key : properties.stringPropertyNames()) {
            Language.fromTag(properties.getProperty(key)).ifPresentOrElse(l -> chosen.put(key, l),
                    () -> LOG.warn("{}: ignoring unknown language '{}' for {}", path, properties.getProperty(key), key));
        }
    }

    private boolean save() {
        if (file.isEmpty()) {
            return true;
        }
        Path path = file.get();
        Properties properties = new Properties();
        new TreeMap<>(chosen).forEach((k, v) -> properties.setProperty(k, v.tag()));
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(out, "chat language chosen with /lang (platform:chat=language)");
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            LOG.warn("cannot save chat languages to {}: {}", path, e.toString());
            return false;
        }
    }
}
