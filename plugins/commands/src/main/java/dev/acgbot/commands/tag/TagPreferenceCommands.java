package dev.acgbot.commands.tag;

import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.api.text.LogText;
import dev.acgbot.commands.VisionMessages;
import dev.acgbot.commands.prompt.PromptStyle;
import dev.acgbot.commands.prompt.TagBlacklist;
import dev.acgbot.commands.settings.VisionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * /tagstyle and /tagblacklist: a chat admin's choice of how /tag writes its prompt line and which tags it never
 * shows in this chat. Both are kept across restarts ({@link ChatTagPreferences}) and audited like /safety and /lang;
 * the configured style and blacklist ({@code plugins.vision.tag}) are the defaults every chat starts from.
 */
public final class TagPreferenceCommands {
    // the same logger name as the core's admin audit, so one filter keeps every admin action
    private static final Logger AUDIT = LoggerFactory.getLogger("acgbot.audit");
    private static final Logger LOG = LoggerFactory.getLogger(TagPreferenceCommands.class);
    /** Enough for any real list; bounds the file and the /tag filter against a paste of the whole tag list. */
    static final int MAX_CHAT_TAGS = 200;
    /** Danbooru's longest tags are about 60 characters; anything longer is a paste, not a tag. */
    static final int MAX_TAG_CHARS = 100;
    private static final List<String> EXAMPLE_TAGS = List.of("hatsune_miku", "long_hair", "ganyu_(genshin_impact)");

    private final VisionSettings.Tag settings;
    private final ChatTagPreferences preferences;

    public TagPreferenceCommands(VisionSettings.Tag settings, ChatTagPreferences preferences) {
        this.settings = settings;
        this.preferences = preferences;
    }

    /** The style /tag uses in the request's chat: the admin's choice, else the configured one. */
    public PromptStyle style(CommandRequest request) {
        return preferences.get(request.platform(), request.chatId()).style().orElse(settings.promptStyle());
    }

    /** The configured blacklist and the chat's own together. */
    public TagBlacklist blacklist(CommandRequest request) {
        return TagBlacklist.of(settings.blacklist()).plus(preferences.get(request.platform(), request.chatId()).blacklist());
    }

    public BotCommand styleCommand() {
        return BotCommand.of(CommandSpec.builder("tagstyle", "")
                .text("style", "", false)
                .adminOnly()
                .localize(VisionMessages.BUNDLE)
                .example("/tagstyle underscores plain")
                .example("/tagstyle default")
                .build(), this::handleStyle);
    }

    public BotCommand blacklistCommand() {
        return BotCommand.of(CommandSpec.builder("tagblacklist", "")
                .choice("action", "", false, "list", "add", "remove", "clear")
                .text("tags", "", false)
                .adminOnly()
                .localize(VisionMessages.BUNDLE)
                .example("/tagblacklist add long hair, red eyes")
                .example("/tagblacklist remove 1girl")
                .build(), this::handleBlacklist);
    }

    private void handleStyle(CommandContext ctx) {
        CommandRequest request = ctx.request();
        Language language = ctx.language();
        Optional<String> wanted = request.arguments().string("style").map(String::strip).filter(s -> !s.isEmpty());
        if (wanted.isEmpty()) {
            boolean chosen = preferences.get(request.platform(), request.chatId()).style().isPresent();
            ctx.reply(Reply.text(describeStyle(style(request), chosen, language)
                    .plain(VisionMessages.format(language, "tagstyle.change")).build()));
            return;
        }
        Optional<PromptStyle> next;
        if (wanted.get().toLowerCase(Locale.ROOT).equals("default")) {
            next = Optional.empty();
        } else {
            next = PromptStyle.parse(wanted.get(), style(request));
            if (next.isEmpty()) {
                throw VisionMessages.refusal("tagstyle.unknown", wanted.get());
            }
        }
        try {
            preferences.setStyle(request.platform(), request.chatId(), next);
        } catch (IOException e) {
            saveFailed(request, e);
        }
        audit(ctx, "prompt style", next.map(s -> s.words().word() + " " + s.escapingWord()).orElse("default"));
        ctx.reply(Reply.text(describeStyle(style(request), next.isPresent(), language).build()));
    }

    private static RichText.Builder describeStyle(PromptStyle style, boolean chosen, Language language) {
        String words = VisionMessages.format(language, "tagstyle.words." + style.words().word());
        String escaping = VisionMessages.format(language, "tagstyle.escaping." + style.escapingWord());
        return RichText.builder().plain(VisionMessages.format(language, "tagstyle.label"))
                .bold(VisionMessages.format(language, "tagstyle.style", words, escaping))
                .plain(VisionMessages.format(language, chosen ? "tagstyle.why.admin" : "tagstyle.why.default")).newline()
                .plain(VisionMessages.format(language, "tagstyle.example")).code(style.join(EXAMPLE_TAGS)).newline();
    }

    private void handleBlacklist(CommandContext ctx) {
        CommandRequest request = ctx.request();
        Language language = ctx.language();
        String action = request.arguments().string("action").orElse("list");
        List<String> given = request.arguments().string("tags").map(TagBlacklist::parse).orElse(List.of());
        Set<String> own = new LinkedHashSet<>(preferences.get(request.platform(), request.chatId()).blacklist().tags());
        List<String> notes = new ArrayList<>();
        switch (action) {
            case "add", "remove" -> {
                if (given.isEmpty()) {
                    throw VisionMessages.refusal("tagblacklist.no_tags", action);
                }
                if (action.equals("add")) {
                    Optional<String> tooLong = given.stream().filter(t -> t.length() > MAX_TAG_CHARS).findFirst();
                    if (tooLong.isPresent()) {
                        throw VisionMessages.refusal("tagblacklist.too_long", MAX_TAG_CHARS);
                    }
                    own.addAll(given);
                    if (own.size() > MAX_CHAT_TAGS) {
                        throw VisionMessages.refusal("tagblacklist.too_many", MAX_CHAT_TAGS);
                    }
                } else {
                    for (String tag : given) {
                        if (!own.remove(tag)) {
                            notes.add(VisionMessages.format(language, settings.blacklist().contains(tag)
                                    ? "tagblacklist.operators" : "tagblacklist.not_listed", tag));
                        }
                    }
                }
            }
            case "clear" -> own.clear();
            default -> {
                ctx.reply(Reply.text(describeBlacklist(own, language)));
                return;
            }
        }
        try {
            preferences.setBlacklist(request.platform(), request.chatId(), own);
        } catch (IOException e) {
            saveFailed(request, e);
        }
        audit(ctx, "tag blacklist", action + (given.isEmpty() ? "" : " " + String.join(" ", given)));
        RichText.Builder text = RichText.builder();
        notes.forEach(n -> text.plain(n).newline());
        ctx.reply(Reply.text(text.plain(describeBlacklist(own, language).toPlainString()).build()));
    }

    private RichText describeBlacklist(Set<String> own, Language language) {
        RichText.Builder text = RichText.builder();
        text.plain(own.isEmpty() ? VisionMessages.format(language, "tagblacklist.empty")
                : VisionMessages.format(language, "tagblacklist.list", own.size(), String.join(", ", own)));
        if (!settings.blacklist().isEmpty()) {
            text.newline().plain(VisionMessages.format(language, "tagblacklist.configured", String.join(", ", settings.blacklist())));
        }
        return text.build();
    }

    private static void saveFailed(CommandRequest request, IOException e) {
        LOG.error("could not save the /tag preferences of chat {}:{}: {}", request.platform(),
                LogText.safe(request.chatId()), LogText.safe(String.valueOf(e)));
        throw VisionMessages.refusal("tagprefs.save_failed");
    }

    private static void audit(CommandContext ctx, String what, String value) {
        CommandRequest request = ctx.request();
        AUDIT.info("{} of chat {}:{} set to {} by {}:{} ({}) [{}]", what, request.platform(), LogText.safe(request.chatId()),
                LogText.safe(value), request.platform(), LogText.safe(request.user().id()),
                LogText.safe(request.user().displayName()), ctx.correlationId());
    }
}
