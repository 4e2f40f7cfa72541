package dev.acgbot.api.command;

import java.util.Objects;

/**
 * Who sent a command.
 *
 * @param id          the platform's immutable user id (never a user name, which can change)
 * @param displayName what to call the user in replies and logs
 * @param languageTag the language the user's app is set to, as the platform reports it ({@code zh-hans}, {@code en-US}); empty if unknown
 */
public record ChatUser(String id, String displayName, String languageTag) {
    public ChatUser {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        languageTag = languageTag == null ? "" : languageTag.strip();
    }

    /** A user whose platform does not say which language they use. */
    public ChatUser(String id, String displayName) {
        this(id, displayName, "");
    }
}
