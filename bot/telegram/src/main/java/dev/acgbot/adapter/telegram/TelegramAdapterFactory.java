package dev.acgbot.adapter.telegram;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.ChatAdapterFactory;
import dev.acgbot.api.config.SettingsSection;
import dev.acgbot.api.plugin.ConfigException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Creates the Telegram adapter from {@code adapters.telegram}; found with ServiceLoader. */
public final class TelegramAdapterFactory implements ChatAdapterFactory<TelegramSettings.Section> {

    @Override
    public String platform() {
        return TelegramAdapter.PLATFORM;
    }

    @Override
    public SettingsSection<TelegramSettings.Section> settings() {
        return TelegramSettings.SECTION;
    }

    @Override
    public boolean isConfigured(TelegramSettings.Section section) {
        return section.configured();
    }

    @Override
    public ChatAdapter create(TelegramSettings.Section section) {
        return new TelegramAdapter(TelegramSettings.from(section));
    }

    /** With {@code dataDir} for the file ids of uploaded gallery images (inline mode). */
    @Override
    public ChatAdapter create(TelegramSettings.Section section, Path dataDir) {
        return new TelegramAdapter(TelegramSettings.from(section), Optional.of(dataDir));
    }

    /**
     * Sender ids that many people share: Telegram signs every anonymous group admin's message as
     * GroupAnonymousBot, every message sent on behalf of a channel as Channel_Bot, and channel posts forwarded
     * into a linked group as the Telegram service account. Listed as an admin, any of them would hand admin
     * commands to everyone who can post that way.
     */
    static final Map<String, String> SHARED_SENDERS = Map.of(
            "1087968824", "GroupAnonymousBot, the sender of every anonymous group admin's messages",
            "136817688", "Channel_Bot, the sender of every message posted on behalf of a channel",
            "777000", "the Telegram service account, the sender of channel posts forwarded to linked groups");

    @Override
    public void checkAdmins(List<String> adminIds) {
        for (String id : adminIds) {
            String shared = SHARED_SENDERS.get(id.strip());
            if (shared != null) {
                throw new ConfigException("admins.telegram", id.strip() + " is " + shared
                        + ", not one person: anyone posting that way would be an admin. List your own user id instead");
            }
        }
    }
}
