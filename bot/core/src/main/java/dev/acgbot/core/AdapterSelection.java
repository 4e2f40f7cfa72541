package dev.acgbot.core;

import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.ChatAdapterFactory;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.permissions.Permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * Binds every adapter's section (so a typo in one that stays off is still reported), rejects sections and
     * admin lists of platforms no adapter has, and creates the configured adapters.
     */
    public static Choice choose(BotConfig config, ClassLoader loader) {
        List<ChatAdapterFactory<?>> factories = validate(config, loader);
        List<ChatAdapter> adapters = new ArrayList<>();
        for (ChatAdapterFactory<?> factory : factories) {
            factory.checkAdmins(config.admins().ids(factory.platform()));
            create(config, factory).ifPresent(adapters::add);
        }
        return new Choice(adapters, config.console().runs(!adapters.isEmpty()));
    }

    /**
     * Checks the {@code adapters:} and {@code admins:} sections against the adapters on the class path and binds
     * each adapter's section, without creating any adapter (the console-only run checks the file all the same).
     */
    public static List<ChatAdapterFactory<?>> validate(BotConfig config, ClassLoader loader) {
        List<ChatAdapterFactory<?>> factories = new ArrayList<>();
        ServiceLoader.load(ChatAdapterFactory.class, loader).forEach(factories::add);
        Set<String> platforms = new TreeSet<>();
        platforms.add(Permissions.CONSOLE);
        factories.forEach(f -> platforms.add(f.platform()));
        config.requireKnownChildren("adapters", platforms, "adapter");
        config.requireKnownChildren("admins", platforms, "platform");
        config.console();
        factories.forEach(f -> config.section(f.settings()));
        return factories;
    }

    private static <S> Optional<ChatAdapter> create(BotConfig config, ChatAdapterFactory<S> factory) {
        S settings = config.section(factory.settings());
        return factory.isConfigured(settings) ? Optional.of(factory.create(settings,
                config.dataDir().resolve("adapters").resolve(factory.platform()))) : Optional.empty();
    }
}
