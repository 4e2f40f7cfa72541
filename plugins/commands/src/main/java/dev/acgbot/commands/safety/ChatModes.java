package dev.acgbot.commands.safety;

import dev.acgbot.commands.chatfile.ChatSettingsFile;

import dev.acgbot.commands.settings.SafetyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modes admins chose with /safety, one per chat, kept in a properties file ({@code platform:chatId=mode})
 * that is rewritten whole and moved into place, so a crash leaves the old file or the new one.
 */
public final class ChatModes {
    private static final Logger LOG = LoggerFactory.getLogger(ChatModes.class);

    private final ChatSettingsFile file;
    private final Map<String, SafetyMode> modes = new ConcurrentHashMap<>();

    private ChatModes(Path file) {
        this.file = new ChatSettingsFile(file, "chat safety modes");
    }

    /** Reads {@code file} if it exists; a line with an unknown mode is logged and ignored (the default applies). */
    public static ChatModes load(Path file) {
        ChatModes loaded = new ChatModes(file);
        Properties p = loaded.file.read();
        for (String chat : p.stringPropertyNames()) {
            String value = p.getProperty(chat).strip().toUpperCase(Locale.ROOT);
            try {
                loaded.modes.put(chat, SafetyMode.valueOf(value));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: chat {} has unknown safety mode '{}'; using the default for it", file, chat, value);
            }
        }
        return loaded;
    }

    public Optional<SafetyMode> get(String platform, String chatId) {
        return Optional.ofNullable(modes.get(key(platform, chatId)));
    }

    /** Records {@code mode} for the chat and writes the file before returning. */
    public synchronized void set(String platform, String chatId, SafetyMode mode) throws IOException {
        modes.put(key(platform, chatId), mode);
        Properties p = new Properties();
        new TreeMap<>(modes).forEach((chat, m) -> p.setProperty(chat, m.word()));
        file.write(p, "chat safety modes set with /safety (sfw, spoiler, allow)");
    }

    private static String key(String platform, String chatId) {
        return ChatSettingsFile.key(platform, chatId);
    }
}
