package dev.acgbot.core.permissions;

import dev.acgbot.api.command.CommandRequest;
import dev.acgbot.api.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line for every admin command, allowed or refused, on its own logger so operators can route it. User
 * text is escaped here as well as by the production converter, because an operator may send this logger to an
 * appender with a plain pattern: a display name with a line break must not be able to write an "allowed" line.
 */
public final class AuditLog {
    private static final Logger AUDIT = LoggerFactory.getLogger("acgbot.audit");

    public void allowed(CommandRequest request, String correlationId) {
        AUDIT.info("admin command /{} by {}:{} ({}) in chat {} allowed [{}]", request.command(), request.platform(),
                LogText.safe(request.user().id()), LogText.safe(request.user().displayName()), LogText.safe(request.chatId()), correlationId);
    }

    public void refused(String platform, String userId, String displayName, String chatId, String command) {
        AUDIT.warn("admin command /{} by {}:{} ({}) in chat {} refused: not an admin", LogText.safe(command), platform,
                LogText.safe(userId), LogText.safe(displayName), LogText.safe(chatId));
    }
}
