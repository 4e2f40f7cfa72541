package dev.acgbot.commands.safety;

import dev.acgbot.api.i18n.Language;
import dev.acgbot.commands.VisionMessages;
import dev.acgbot.commands.settings.SafetyMode;
import dev.acgbot.api.command.ChatTraits;
import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.reply.Reply;
import dev.acgbot.commands.settings.SafetySettings;
import dev.acgbot.gallery.rating.ContentRating;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for one chat, which images of a reply are shown, which go behind a spoiler and how many are hidden.
 * Every reply that shows gallery images goes through {@link #screen}; the plugin decides, the adapter renders
 * the {@code spoiler} flag.
 */
public final class SafetyPolicy {
    private final SafetySettings settings;
    private final ChatModes chosen;

    public SafetyPolicy(SafetySettings settings, ChatModes chosen) {
        this.settings = settings;
        this.chosen = chosen;
    }

    /** The chat's mode and where it comes from. */
    public record Decision(SafetyMode mode, Source source) {
    }

    public enum Source { CHOSEN_BY_ADMIN, AGE_RESTRICTED_CHAT, PRIVATE_CHAT, GROUP_DEFAULT }

    /** An image to send with what it shows. */
    public record Rated(Reply.Image image, ContentRating rating) {
    }

    /**
     * The images a chat may see.
     *
     * @param shown  in order, adult ones behind a spoiler in spoiler mode
     * @param hidden how many were left out (sfw mode)
     */
    public record Screened(List<Reply.Image> shown, int hidden) {
        /** "3 results hidden in this channel": a count, never what was hidden. */
        public Optional<String> notice(Language language) {
            return hidden == 0 ? Optional.empty() : Optional.of(VisionMessages.format(language, "safety.hidden", hidden));
        }

        /** The notice in English. */
        public Optional<String> notice() {
            return notice(Language.EN);
        }
    }

    public Decision decide(CommandRequest request) {
        Optional<SafetyMode> mode = chosen.get(request.platform(), request.chatId());
        if (mode.isPresent()) {
            return new Decision(mode.get(), Source.CHOSEN_BY_ADMIN);
        }
        ChatTraits chat = request.chat();
        if (chat.privateChat()) {
            return new Decision(SafetyMode.ALLOW, Source.PRIVATE_CHAT);
        }
        if (chat.ageRestricted()) {
            return new Decision(SafetyMode.ALLOW, Source.AGE_RESTRICTED_CHAT);
        }
        return new Decision(settings.groupDefaults().getOrDefault(request.platform(), SafetyMode.SFW), Source.GROUP_DEFAULT);
    }

    /**
     * Whether inline results (issue 13.3) may include questionable or explicit images. They are posted into a chat
     * the bot may not be in, so no admin's /safety choice can apply, and an inline photo cannot carry a spoiler:
     * only where the chat kind's default mode is {@code allow} (a private chat, or a platform whose group default
     * the operator set to allow).
     */
    public boolean inlineShowsAdult(String platform, ChatTraits chat) {
        if (chat.privateChat() || chat.ageRestricted()) {
            return true;
        }
        return settings.groupDefaults().getOrDefault(platform, SafetyMode.SFW) == SafetyMode.ALLOW;
    }

    public Screened screen(CommandRequest request, List<Rated> items) {
        SafetyMode mode = decide(request).mode();
        List<Reply.Image> shown = new ArrayList<>();
        int hidden = 0;
        for (Rated item : items) {
            boolean adult = effective(item.rating()).adult();
            if (!adult || mode == SafetyMode.ALLOW) {
                shown.add(item.image());
            } else if (mode == SafetyMode.SPOILER) {
                shown.add(new Reply.Image(item.image().image().withSpoiler(), item.image().caption()));
            } else {
                hidden++;
            }
        }
        return new Screened(shown, hidden);
    }

    /** An image no tagger rated counts as {@code safety.unrated_as}. */
    public ContentRating effective(ContentRating rating) {
        return rating == ContentRating.UNRATED ? settings.unratedAs() : rating;
    }
}
