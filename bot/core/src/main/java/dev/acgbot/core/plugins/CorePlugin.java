package dev.acgbot.core.plugins;

import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.plugin.PluginContext;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.core.router.CommandRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The built-in commands every bot has: /help, /ping and /about. */
public final class CorePlugin implements Plugin {
    public static final String ID = "core";

    private final CommandRegistry registry;
    private final String botName;
    private final Instant startedAt = Instant.now();
    private PluginContext context;

    /** @param botName {@code bot.name}, shown by /about */
    public CorePlugin(CommandRegistry registry, String botName) {
        this.registry = registry;
        this.botName = botName;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "help, ping and about";
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<BotCommand> commands() {
        return List.of(
                BotCommand.of(CommandSpec.builder("help", "List the commands you can use")
                        // Telegram sends /start when someone first opens the bot; unless a plugin claims it, it means /help
                        .alias("start").example("/help").build(), this::help),
                BotCommand.of(CommandSpec.builder("ping", "Check that the bot is alive").example("/ping").build(), this::ping),
                BotCommand.of(CommandSpec.builder("about", "Version and enabled plugins").example("/about").build(), this::about));
    }

    private void help(CommandContext ctx) {
        CommandRequest request = ctx.request();
        RichText.Builder text = RichText.builder().bold("Commands").newline();
        for (CommandRegistry.Registered registered : registry.all()) {
            CommandSpec spec = registered.command().spec();
            if (spec.adminOnly() && !request.admin()) {
                continue;
            }
            text.code(spec.usage()).plain(" — " + spec.description() + (spec.adminOnly() ? " (admins)" : "")).newline();
        }
        text.plain("Options can be named anywhere on the line, e.g. threshold:0.5.");
        ctx.reply(Reply.text(text.build()));
    }

    private void ping(CommandContext ctx) {
        long millis = Math.max(0, Duration.between(ctx.request().receivedAt(), Instant.now()).toMillis());
        ctx.reply("pong (" + millis + " ms)");
    }

    private void about(CommandContext ctx) {
        Duration up = Duration.between(startedAt, Instant.now());
        String plugins = String.join(", ", context.enabledPlugins());
        ctx.reply(Reply.text(RichText.builder()
                .bold(botName + " " + context.botVersion()).newline()
                .plain("Tags art, finds similar or duplicate images, and searches the gallery by text.").newline()
                .plain("Plugins: " + plugins).newline()
                .plain("Up for " + formatUptime(up))
                .build()));
    }

    static String formatUptime(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes + "m " + d.toSecondsPart() + "s";
    }
}
