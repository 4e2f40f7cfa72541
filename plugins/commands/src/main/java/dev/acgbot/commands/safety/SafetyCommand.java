package dev.acgbot.commands.safety;

import dev.acgbot.commands.settings.SafetyMode;
import dev.acgbot.api.UserFacingException;
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
                .example("/safety")
                .example("/safety sfw")
                .build(), this::handle);
    }

    private void handle(CommandContext ctx) {
        CommandRequest request = ctx.request();
        Optional<String> wanted = request.arguments().string("mode");
        if (wanted.isEmpty()) {
            ctx.reply(Reply.text(describe(policy.decide(request))));
            return;
        }
        SafetyMode mode = SafetyMode.valueOf(wanted.get().toUpperCase(Locale.ROOT));
        try {
            modes.set(request.platform(), request.chatId(), mode);
        } catch (IOException e) {
            LOG.error("could not save the safety mode of chat {}:{}: {}", request.platform(),
                    LogText.safe(request.chatId()), LogText.safe(String.valueOf(e)));
            throw new UserFacingException("I could not save the new mode, so this chat keeps its old one. "
                    + "The operator's log says why.");
        }
        AUDIT.info("safety mode of chat {}:{} set to {} by {}:{} ({}) [{}]", request.platform(),
                LogText.safe(request.chatId()), mode.word(), request.platform(), LogText.safe(request.user().id()),
                LogText.safe(request.user().displayName()), ctx.correlationId());
        ctx.reply(Reply.text(RichText.builder().plain("Safety mode of this chat: ").bold(mode.word())
                .plain(" (set by an admin). ").plain(meaning(mode)).build()));
    }

    static RichText describe(SafetyPolicy.Decision d) {
        String why = switch (d.source()) {
            case CHOSEN_BY_ADMIN -> "set by an admin";
            case PRIVATE_CHAT -> "the default for private chats";
            case AGE_RESTRICTED_CHAT -> "the default for a chat marked age-restricted";
            case GROUP_DEFAULT -> "the default for groups here";
        };
        return RichText.builder().plain("Safety mode of this chat: ").bold(d.mode().word()).plain(" (" + why + "). ")
                .plain(meaning(d.mode())).newline()
                .plain("Admins change it with /safety sfw, /safety spoiler or /safety allow.").build();
    }

    static String meaning(SafetyMode mode) {
        return switch (mode) {
            case SFW -> "Questionable and explicit images are not shown here.";
            case SPOILER -> "Questionable and explicit images are shown behind a spoiler.";
            case ALLOW -> "All images are shown.";
        };
    }
}
