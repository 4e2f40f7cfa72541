package dev.acgbot.adapter.discord;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.ChatAdapterFactory;
import dev.acgbot.api.plugin.ConfigSection;

/** Creates the Discord adapter from {@code adapters.discord}; found with ServiceLoader. */
public final class DiscordAdapterFactory implements ChatAdapterFactory {

    @Override
    public String platform() {
        return DiscordAdapter.PLATFORM;
    }

    @Override
    public boolean isConfigured(ConfigSection section) {
        return section.bool("enabled", true) && section.string("token").filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    public ChatAdapter create(ConfigSection section) {
        return new DiscordAdapter(DiscordSettings.from(section));
    }
}
