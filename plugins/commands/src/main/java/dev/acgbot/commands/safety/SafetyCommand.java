package dev.acgbot.commands.safety;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.commands.VisionMessages;
import dev.acgbot.commands.settings.SafetyMode;
import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.api.plugin.BotCommand;
import dev.acgbot.api.plugin.CommandContext;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.api.reply.RichText;
import dev.acgbot.api.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** /safety: shows or (admins) sets what this chat may see of questionable and explicit images. */
public final class SafetyCommand {
    // the same logger name as the core's admin audit, so one filter keeps every admin action
    private static final Logger AUDIT = LoggerFactory.getLogger("acgbot.audit");
    private static final Logger LOG = LoggerFactory.getLogger(SafetyCommand.class);

    private final SafetyPolicy policy;
    private final ChatModes modes;

    public SafetyCommand(SafetyPolicy policy, ChatModes modes) {
        this.policy = policy;
        this.modes = modes;
    }

    public BotCommand command() {
        return BotCommand.of(CommandSpec.builder("safety", "Show or set what this chat may see of adult images (admins)")
                .choice("mode", "sfw hides them, spoiler blurs them, allow shows them", false, "sfw", "spoiler", "allow")
                .adminOnly()
                .localize(VisionMessages.BUNDLE) // command.safety* in the bundles: Chinese menus and /help
                .example("/safety")
                .example("/safety sfw")
                .build(), this::handle);
    }

    private void handle(CommandContext ctx) {
        CommandRequest request = ctx.request();
        Optional<String> wanted = request.arguments().string("mode");
        if (wanted.isEmpty()) {
            ctx.reply(Reply.text(describe(policy.decide(request), ctx.language())));
            return;
        }
        SafetyMode mode = SafetyMode.valueOf(wanted.get().toUpperCase(Locale.ROOT));
        try {
            modes.set(request.platform(), request.chatId(), mode);
        } catch (IOException e) {
            LOG.error("could not save the safety mode of chat {}:{}: {}", request.platform(),
                    LogText.safe(request.chatId()), LogText.safe(String.valueOf(e)));
            throw VisionMessages.refusal("safety.save_failed");
        }
        AUDIT.info("safety mode of chat {}:{} set to {} by {}:{} ({}) [{}]", request.platform(),
                LogText.safe(request.chatId()), mode.word(), request.platform(), LogText.safe(request.user().id()),
                LogText.safe(request.user().displayName()), ctx.correlationId());
        Language language = ctx.language();
        ctx.reply(Reply.text(RichText.builder().plain(VisionMessages.format(language, "safety.label")).bold(mode.word())
                .plain(VisionMessages.format(language, "safety.why.admin")).plain(meaning(mode, language)).build()));
    }

    static RichText describe(SafetyPolicy.Decision d, Language language) {
        String why = switch (d.source()) {
            case CHOSEN_BY_ADMIN -> "safety.why.admin";
            case PRIVATE_CHAT -> "safety.why.private";
            case AGE_RESTRICTED_CHAT -> "safety.why.age_restricted";
            case GROUP_DEFAULT -> "safety.why.group";
        };
        return RichText.builder().plain(VisionMessages.format(language, "safety.label")).bold(d.mode().word())
                .plain(VisionMessages.format(language, why)).plain(meaning(d.mode(), language)).newline()
                .plain(VisionMessages.format(language, "safety.change")).build();
    }

    static String meaning(SafetyMode mode, Language language) {
        return VisionMessages.format(language, switch (mode) {
            case SFW -> "safety.meaning.sfw";
            case SPOILER -> "safety.meaning.spoiler";
            case ALLOW -> "safety.meaning.allow";
        });
    }
}
