package dev.acgbot.adapter.telegram;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.ChatAdapterFactory;
import dev.acgbot.api.config.SettingsSection;

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
}
