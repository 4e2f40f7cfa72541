package dev.acgbot.core;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.ChatAdapterFactory;
import dev.acgbot.api.plugin.ConfigException;
import dev.acgbot.api.plugin.ConfigSection;
import dev.acgbot.core.config.BotConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Decides which chat adapters run: every platform whose section is configured (a token, not disabled), and
 * the console when {@code adapters.console.enabled} is {@code true}, or {@code auto} with no other adapter.
 */
public final class AdapterSelection {

    /** The chosen adapters and whether the console should run as well. */
    public record Choice(List<ChatAdapter> chatAdapters, boolean console) {
    }

    private AdapterSelection() {
    }

    public static Choice choose(BotConfig config, ClassLoader loader) {
        List<ChatAdapter> adapters = new ArrayList<>();
        ConfigSection sections = config.adapters();
        for (ChatAdapterFactory factory : ServiceLoader.load(ChatAdapterFactory.class, loader)) {
            factory.checkAdmins(config.admins().stringList(factory.platform()));
            ConfigSection section = sections.section(factory.platform());
            if (factory.isConfigured(section)) {
                adapters.add(factory.create(section));
            }
        }
        String console = sections.section("console").string("enabled", "auto").toLowerCase(Locale.ROOT);
        boolean runConsole = switch (console) {
            case "auto" -> adapters.isEmpty();
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException("adapters.console.enabled", "expected auto, true or false, got '" + console + "'");
        };
        return new Choice(adapters, runConsole);
    }
}
