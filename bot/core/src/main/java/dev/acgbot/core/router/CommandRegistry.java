package dev.acgbot.core.router;

import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.inline.InlineHandler;
import dev.acgbot.api.plugin.BotCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands of all enabled plugins by name; the first plugin to claim a name keeps it. Aliases come second to names. */
public final class CommandRegistry {
    private final Map<String, Registered> byName = new LinkedHashMap<>();
    private Optional<InlineHandler> inline = Optional.empty();

    /** A command with the id of the plugin that provides it. */
    public record Registered(String pluginId, BotCommand command) {
    }

    /** Adds a plugin's commands; returns the names refused because another plugin already has them. */
    public synchronized List<String> register(String pluginId, List<BotCommand> commands) {
        List<String> refused = new ArrayList<>();
        for (BotCommand command : commands) {
            String name = command.spec().name();
            if (byName.containsKey(name)) {
                refused.add(name);
            } else {
                byName.put(name, new Registered(pluginId, command));
            }
        }
        return refused;
    }

    /** The command of that name, else the first whose spec lists it as an alias. */
    public synchronized Optional<Registered> find(String name) {
        Registered direct = byName.get(name);
        if (direct != null) {
            return Optional.of(direct);
        }
        return byName.values().stream().filter(r -> r.command().spec().aliases().contains(name)).findFirst();
    }

    public synchronized List<CommandSpec> specs() {
        return byName.values().stream().map(r -> r.command().spec()).toList();
    }

    public synchronized List<Registered> all() {
        return List.copyOf(byName.values());
    }

    /** Keeps the plugin's inline handler unless an earlier plugin has one; returns whether it was kept. */
    public synchronized boolean registerInline(String pluginId, InlineHandler handler) {
        if (inline.isPresent()) {
            return false;
        }
        inline = Optional.of(handler);
        return true;
    }

    /** The handler inline queries go to, if a plugin offers one. */
    public synchronized Optional<InlineHandler> inline() {
        return inline;
    }
}
