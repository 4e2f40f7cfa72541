package dev.acgbot.api.command;

import dev.acgbot.api.i18n.Language;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed command invocation, the same for every chat platform.
 *
 * @param platform    adapter id: {@code console}, {@code telegram}, {@code discord}
 * @param chatId      the chat, group or channel it came from
 * @param user        who sent it
 * @param command     command name without slash
 * @param arguments   typed option values
 * @param attachments files posted with the command message itself
 * @param repliedTo   the message the command replies to, if any
 * @param admin       whether the sender is a configured admin on this platform
 * @param receivedAt  when the adapter received it
 * @param chat        private or group, age-restricted or not; {@link ChatTraits#GROUP} when not given
 * @param language    the language to answer in: the chat's {@code /lang}, else the user's platform language,
 *                    else the configured default
 */
public record CommandRequest(String platform, String chatId, ChatUser user, String command, Arguments arguments,
                             List<Attachment> attachments, Optional<RepliedMessage> repliedTo, boolean admin,
                             Instant receivedAt, ChatTraits chat, Language language) {

    public CommandRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(command, "command");
        arguments = arguments == null ? Arguments.empty() : arguments;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        repliedTo = repliedTo == null ? Optional.empty() : repliedTo;
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
        chat = chat == null ? ChatTraits.GROUP : chat;
        language = language == null ? Language.EN : language;
    }

    /** A request from a group, answered in English. */
    public CommandRequest(String platform, String chatId, ChatUser user, String command, Arguments arguments,
                          List<Attachment> attachments, Optional<RepliedMessage> repliedTo, boolean admin,
                          Instant receivedAt) {
        this(platform, chatId, user, command, arguments, attachments, repliedTo, admin, receivedAt, ChatTraits.GROUP, Language.EN);
    }

    /** A request answered in English. */
    public CommandRequest(String platform, String chatId, ChatUser user, String command, Arguments arguments,
                          List<Attachment> attachments, Optional<RepliedMessage> repliedTo, boolean admin,
                          Instant receivedAt, ChatTraits chat) {
        this(platform, chatId, user, command, arguments, attachments, repliedTo, admin, receivedAt, chat, Language.EN);
    }

    /** A request from a group. */
    public CommandRequest(String platform, String chatId, ChatUser user, String command, Arguments arguments,
                          List<Attachment> attachments, Optional<RepliedMessage> repliedTo, boolean admin,
                          Instant receivedAt, Language language) {
        this(platform, chatId, user, command, arguments, attachments, repliedTo, admin, receivedAt, ChatTraits.GROUP, language);
    }

    /**
     * The images this command should work on, in order: attachment options, then files posted with the
     * message, then those of the replied-to message.
     */
    public List<Attachment> images() {
        List<Attachment> all = new ArrayList<>();
        for (Object value : arguments.asMap().values()) {
            if (value instanceof Attachment a) {
                all.add(a);
            }
        }
        for (Attachment a : attachments) {
            if (!all.contains(a)) {
                all.add(a);
            }
        }
        if (all.isEmpty()) {
            repliedTo.ifPresent(r -> all.addAll(r.attachments()));
        }
        return all;
    }
}
