package dev.acgbot.core.plugins;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.plugin.Plugin;
import dev.acgbot.api.plugin.PluginContext;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.core.i18n.ChatLanguages;
import dev.acgbot.core.i18n.CoreMessages;
import dev.acgbot.core.router.CommandRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The built-in commands every bot has: /help, /ping, /about and /lang. */
public final class CorePlugin implements Plugin {
    public static final String ID = "core";

    private final CommandRegistry registry;
    private final String botName;
    private final ChatLanguages languages;
    private final Instant startedAt = Instant.now();
    private PluginContext context;

    /** @param botName {@code bot.name}, shown by /about */
    public CorePlugin(CommandRegistry registry, String botName) {
        this(registry, botName, ChatLanguages.inMemory(Language.EN));
    }

    /** @param languages where /lang keeps each chat's choice (the router reads it) */
    public CorePlugin(CommandRegistry registry, String botName, ChatLanguages languages) {
        this.registry = registry;
        this.botName = botName;
        this.languages = languages;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "help, ping, about and lang";
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<BotCommand> commands() {
        return List.of(
                BotCommand.of(CommandSpec.builder("help", "")
                        .string("command", "", false)
                        // Telegram sends /start when someone first opens the bot; unless a plugin claims it, it means /help
                        .alias("start").example("/help").example("/help tag").localize(CoreMessages.BUNDLE).build(), this::help),
                BotCommand.of(CommandSpec.builder("ping", "").example("/ping").localize(CoreMessages.BUNDLE).build(), this::ping),
                BotCommand.of(CommandSpec.builder("about", "").example("/about").localize(CoreMessages.BUNDLE).build(), this::about),
                BotCommand.of(CommandSpec.builder("lang", "")
                        .choice("language", "", false, "zh", "ja", "en", "auto")
                        .adminOnly().example("/lang zh").example("/lang auto").localize(CoreMessages.BUNDLE).build(), this::lang));
    }

    private void help(CommandContext ctx) {
        Optional<String> asked = ctx.request().arguments().string("command")
                .map(c -> c.strip().replaceFirst("^/", "").toLowerCase(Locale.ROOT));
        if (asked.isPresent()) {
            ctx.reply(Reply.text(helpFor(ctx.request(), asked.get())));
            return;
        }
        CommandRequest request = ctx.request();
        Language language = ctx.language();
        RichText.Builder text = RichText.builder().bold(CoreMessages.format(language, "help.title")).newline();
        for (CommandSpec spec : usable(request)) {
            text.code(spec.usage()).plain(CoreMessages.format(language, "help.line", spec.description(language))).newline();
        }
        text.plain(CoreMessages.format(language, "help.options_hint"));
        ctx.reply(Reply.text(text.build()));
    }

    /** The commands the asker may run: admin-only ones only for admins. */
    private List<CommandSpec> usable(CommandRequest request) {
        return registry.all().stream().map(r -> r.command().spec())
                .filter(spec -> !spec.adminOnly() || request.admin()).toList();
    }

    private RichText helpFor(CommandRequest request, String name) {
        Language language = request.language();
        Optional<CommandSpec> found = registry.find(name).map(r -> r.command().spec())
                .filter(spec -> !spec.adminOnly() || request.admin());
        if (found.isEmpty()) {
            return RichText.plain(CoreMessages.format(language, "help.unknown", name));
        }
        return CommandHelp.of(found.get(), language);
    }

    private void ping(CommandContext ctx) {
        long millis = Math.max(0, Duration.between(ctx.request().receivedAt(), Instant.now()).toMillis());
        ctx.reply(CoreMessages.format(ctx.language(), "ping.pong", millis));
    }

    private void about(CommandContext ctx) {
        Language language = ctx.language();
        Duration up = Duration.between(startedAt, Instant.now());
        String plugins = String.join(", ", context.enabledPlugins());
        ctx.reply(Reply.text(RichText.builder()
                .bold(botName + " " + context.botVersion()).newline()
                .plain(CoreMessages.format(language, "about.blurb")).newline()
                .plain(CoreMessages.format(language, "about.plugins", plugins)).newline()
                .plain(CoreMessages.format(language, "about.uptime", formatUptime(up, language)))
                .build()));
    }

    private void lang(CommandContext ctx) {
        CommandRequest request = ctx.request();
        MessageOrigin origin = new MessageOrigin(request.platform(), request.chatId(), request.user(), false, request.admin());
        Optional<String> given = request.arguments().string("language");
        if (given.isEmpty()) {
            String current = languages.chosen(origin).map(Language::tag).orElse("auto");
            ctx.reply(CoreMessages.format(ctx.language(), "lang.current",
                    CoreMessages.format(ctx.language(), "lang.name." + current)));
            return;
        }
        Optional<Language> chosen = Language.fromTag(given.get());
        boolean saved = languages.choose(request.platform(), request.chatId(), chosen);
        // the confirmation is already in the new language; auto answers in the admin's own
        Language now = languages.resolve(origin);
        String reply = CoreMessages.format(now, chosen.isPresent() ? "lang.set" : "lang.auto");
        ctx.reply(saved ? reply : reply + "\n" + CoreMessages.format(now, "lang.not_saved"));
    }

    static String formatUptime(Duration d, Language language) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return CoreMessages.format(language, "about.days", days, hours);
        }
        if (hours > 0) {
            return CoreMessages.format(language, "about.hours", hours, minutes);
        }
        return CoreMessages.format(language, "about.minutes", minutes, d.toSecondsPart());
    }
}
