package dev.acgbot.commands.tag;

import dev.acgbot.commands.chatfile.ChatSettingsFile;

import dev.acgbot.commands.prompt.PromptStyle;
import dev.acgbot.commands.prompt.TagBlacklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What chat admins chose for /tag with /tagstyle and /tagblacklist, per chat, kept in a properties file
 * ({@code platform:chatId.style=spaces escaped}, {@code platform:chatId.blacklist=tag tag}) that is rewritten whole
 * and moved into place, so a crash leaves the old file or the new one. A chat with no entry uses the config.
 */
public final class ChatTagPreferences {
    private static final Logger LOG = LoggerFactory.getLogger(ChatTagPreferences.class);
    private static final String STYLE = ".style";
    private static final String BLACKLIST = ".blacklist";

    /** One chat's choices; {@code style} empty when the chat keeps the configured one. */
    public record Choice(Optional<PromptStyle> style, TagBlacklist blacklist) {
        static final Choice NONE = new Choice(Optional.empty(), TagBlacklist.NONE);
    }

    private final ChatSettingsFile file;
    private final Map<String, Choice> chats = new ConcurrentHashMap<>();

    private ChatTagPreferences(Path file) {
        this.file = new ChatSettingsFile(file, "chats' /tag preferences");
    }

    /** Reads {@code file} if it exists; a style that does not parse is logged and ignored (the config's applies). */
    public static ChatTagPreferences load(Path file) {
        ChatTagPreferences loaded = new ChatTagPreferences(file);
        Properties p = loaded.file.read();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            if (key.endsWith(STYLE)) {
                String chat = key.substring(0, key.length() - STYLE.length());
                Optional<PromptStyle> style = PromptStyle.parse(value, PromptStyle.PROMPT);
                if (style.isEmpty()) {
                    LOG.warn("{}: chat {} has unknown prompt style '{}'; using the configured one", file, chat, value);
                }
                loaded.chats.merge(chat, new Choice(style, TagBlacklist.NONE), (a, b) -> new Choice(b.style(), a.blacklist()));
            } else if (key.endsWith(BLACKLIST)) {
                String chat = key.substring(0, key.length() - BLACKLIST.length());
                TagBlacklist list = TagBlacklist.of(Arrays.asList(value.split("\\s+")));
                loaded.chats.merge(chat, new Choice(Optional.empty(), list), (a, b) -> new Choice(a.style(), b.blacklist()));
            } else {
                LOG.warn("{}: unknown key '{}' ignored", file, key);
            }
        }
        return loaded;
    }

    public Choice get(String platform, String chatId) {
        return chats.getOrDefault(key(platform, chatId), Choice.NONE);
    }

    /** Records the chat's style ({@code empty}: back to the configured one) and writes the file before returning. */
    public synchronized void setStyle(String platform, String chatId, Optional<PromptStyle> style) throws IOException {
        Choice old = get(platform, chatId);
        update(platform, chatId, new Choice(style, old.blacklist()));
    }

    /** Records the chat's own blacklist and writes the file before returning. */
    public synchronized void setBlacklist(String platform, String chatId, Set<String> tags) throws IOException {
        Choice old = get(platform, chatId);
        update(platform, chatId, new Choice(old.style(), new TagBlacklist(new LinkedHashSet<>(tags))));
    }

    private void update(String platform, String chatId, Choice choice) throws IOException {
        Map<String, Choice> next = new TreeMap<>(chats);
        next.put(key(platform, chatId), choice);
        write(next);
        chats.put(key(platform, chatId), choice);
    }

    private void write(Map<String, Choice> all) throws IOException {
        Properties p = new Properties();
        all.forEach((chat, choice) -> {
            choice.style().ifPresent(s -> p.setProperty(chat + STYLE, s.words().word() + " " + s.escapingWord()));
            if (!choice.blacklist().tags().isEmpty()) {
                p.setProperty(chat + BLACKLIST, String.join(" ", choice.blacklist().tags()));
            }
        });
        file.write(p, "per-chat /tag preferences set with /tagstyle and /tagblacklist");
    }

    private static String key(String platform, String chatId) {
        return ChatSettingsFile.key(platform, chatId);
    }
}
