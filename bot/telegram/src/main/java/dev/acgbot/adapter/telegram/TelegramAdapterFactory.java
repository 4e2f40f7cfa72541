package dev.acgbot.adapter.telegram;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.ChatAdapterFactory;
import dev.acgbot.api.plugin.ConfigSection;

/** Creates the Telegram adapter from {@code adapters.telegram}; found with ServiceLoader. */
public final class TelegramAdapterFactory implements ChatAdapterFactory {

    @Override
    public String platform() {
        return TelegramAdapter.PLATFORM;
    }

    @Override
    public boolean isConfigured(ConfigSection section) {
        return section.bool("enabled", true) && section.string("token").filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    public ChatAdapter create(ConfigSection section) {
        return new TelegramAdapter(TelegramSettings.from(section));
    }
}
