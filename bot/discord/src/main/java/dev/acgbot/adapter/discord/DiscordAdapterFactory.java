package dev.acgbot.adapter.discord;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.ChatAdapterFactory;
import dev.acgbot.api.config.SettingsSection;

/** Creates the Discord adapter from {@code adapters.discord}; found with ServiceLoader. */
public final class DiscordAdapterFactory implements ChatAdapterFactory<DiscordSettings.Section> {

    @Override
    public String platform() {
        return DiscordAdapter.PLATFORM;
    }

    @Override
    public SettingsSection<DiscordSettings.Section> settings() {
        return DiscordSettings.SECTION;
    }

    @Override
    public boolean isConfigured(DiscordSettings.Section section) {
        return section.configured();
    }

    @Override
    public ChatAdapter create(DiscordSettings.Section section) {
        return new DiscordAdapter(DiscordSettings.from(section));
    }
}
