package dev.acgbot.adapter.discord.internal;

import dev.acgbot.api.adapter.MessageOrigin;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.command.RepliedMessage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An interaction as the core's {@code onCommand} takes it. */
record InboundCommand(MessageOrigin origin, String command, Map<String, Object> options,
                             List<Attachment> attachments, Optional<RepliedMessage> repliedTo) {
}
