package dev.acgbot.core.permissions;

import dev.acgbot.api.command.CommandRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line for every admin command, allowed or refused, on its own logger so operators can route it. */
public final class AuditLog {
    private static final Logger AUDIT = LoggerFactory.getLogger("acgbot.audit");

    public void allowed(CommandRequest request, String correlationId) {
        AUDIT.info("admin command /{} by {}:{} ({}) in chat {} allowed [{}]", request.command(), request.platform(),
                request.user().id(), request.user().displayName(), request.chatId(), correlationId);
    }

    public void refused(String platform, String userId, String displayName, String chatId, String command) {
        AUDIT.warn("admin command /{} by {}:{} ({}) in chat {} refused: not an admin", command, platform, userId,
                displayName, chatId);
    }
}
