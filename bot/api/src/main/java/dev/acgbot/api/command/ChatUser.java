package dev.acgbot.api.command;

import java.util.Objects;

/**
 * Who sent a command.
 *
 * @param id          the platform's immutable user id (never a user name, which can change)
 * @param displayName what to call the user in replies and logs
 */
public record ChatUser(String id, String displayName) {
    public ChatUser {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
    }
}
